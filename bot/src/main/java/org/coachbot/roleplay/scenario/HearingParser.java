package org.coachbot.roleplay.scenario;

import org.coachbot.knowledge.PatternBudget;
import org.coachbot.text.Texts;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks {@code roleplay/hearing.yaml}; the first problem is thrown with its line. */
final class HearingParser {
    private static final Set<String> KEYS = Set.of("question", "telling", "asking", "not_asking", "consent", "story", "wishes",
            "their_side", "knows", "follow_up", "kinds", "edge", "margins", "contact", "asks_again");
    private static final Set<String> MARGIN_KEYS = Set.of("same_kind", "other_kind", "knows");
    private static final double MAX_MARGIN = 0.3;
    private final Texts texts;
    private final PatternBudget budget;

    HearingParser(Texts texts, PatternBudget budget) {
        this.texts = texts;
        this.budget = budget;
    }

    Hearing parse(String file, String text) {
        YamlDocument doc = YamlDocument.parse(file, text, texts);
        doc.onlyKeys("", KEYS);
        Map<String, Pattern> kinds = new LinkedHashMap<>();
        for (String kind : doc.keys("/kinds")) {
            kinds.put(kind, doc.pattern("/kinds/" + YamlDocument.escape(kind), budget));
        }
        if (kinds.isEmpty()) {
            throw doc.error("/kinds", "yaml.missing", "kinds");
        }
        doc.onlyKeys("/margins", MARGIN_KEYS);
        double same = doc.number("/margins/same_kind", -MAX_MARGIN, 0);
        double other = doc.number("/margins/other_kind", 0, MAX_MARGIN);
        double knows = doc.number("/margins/knows", 0, MAX_MARGIN);
        Map<Recall, Pattern> again = new EnumMap<>(Recall.class);
        for (String key : doc.keys("/asks_again")) {
            String at = "/asks_again/" + YamlDocument.escape(key);
            Recall recall = java.util.Arrays.stream(Recall.values()).filter(r -> r.key().equals(key)).findFirst()
                    .orElseThrow(() -> doc.error(at, "yaml.unknown.key", key, recallKeys()));
            again.put(recall, doc.pattern(at, budget));
        }
        return new Hearing(doc.pattern("/question", budget), doc.pattern("/telling", budget),
                doc.pattern("/asking", budget),
                doc.pattern("/not_asking", budget), doc.pattern("/consent", budget), doc.pattern("/story", budget), doc.pattern("/wishes", budget),
                doc.pattern("/their_side", budget), doc.pattern("/knows", budget), doc.pattern("/follow_up", budget),
                kinds, same, other, knows, doc.fraction("/edge", 0.01), doc.pattern("/contact", budget), again);
    }

    private static String recallKeys() {
        return String.join(", ", java.util.Arrays.stream(Recall.values()).map(Recall::key).toList());
    }
}
