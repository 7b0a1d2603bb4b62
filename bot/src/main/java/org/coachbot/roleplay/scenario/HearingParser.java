package org.coachbot.roleplay.scenario;

import org.coachbot.knowledge.PatternBudget;
import org.coachbot.text.Texts;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks {@code roleplay/hearing.yaml}; the first problem is thrown with its line. */
final class HearingParser {
    private static final Set<String> MARGIN_KEYS = Set.of("same_kind", "other_kind", "knows", "open", "told",
            "own", "lead");
    /** The smallest edge: below it every line with anything in it would be answered as an offence. */
    private static final double MIN_EDGE = 0.01;
    /** Longer than any echo of a word: a clause this long says something of its own. */
    private static final int MAX_ECHO = 10;
    private final Texts texts;
    private final PatternBudget budget;

    HearingParser(Texts texts, PatternBudget budget) {
        this.texts = texts;
        this.budget = budget;
    }

    Hearing parse(String file, String text) {
        YamlDocument doc = YamlDocument.parse(file, text, texts);
        Set<String> keys = new HashSet<>(Set.of("kinds", "edge", "echo", "margins", "asks_again"));
        Arrays.stream(Hearing.Sign.values()).map(Hearing.Sign::key).forEach(keys::add);
        doc.onlyKeys("", keys);
        Map<Hearing.Sign, Pattern> signs = new EnumMap<>(Hearing.Sign.class);
        for (Hearing.Sign sign : Hearing.Sign.values()) {
            signs.put(sign, doc.pattern("/" + sign.key(), budget));
        }
        Map<String, Pattern> kinds = new LinkedHashMap<>();
        for (String kind : doc.keys("/kinds")) {
            kinds.put(kind, doc.pattern("/kinds/" + YamlDocument.escape(kind), budget));
        }
        if (kinds.isEmpty()) {
            throw doc.error("/kinds", "yaml.missing", "kinds");
        }
        doc.onlyKeys("/margins", MARGIN_KEYS);
        double max = Hearing.Margins.MAX;
        Hearing.Margins margins = new Hearing.Margins(doc.number("/margins/same_kind", -max, 0),
                doc.number("/margins/other_kind", 0, max), doc.number("/margins/knows", 0, max),
                doc.number("/margins/open", -max, 0), doc.number("/margins/told", -max, 0),
                doc.number("/margins/own", -max, 0), doc.number("/margins/lead", 0, max));
        return new Hearing(signs, kinds, margins, doc.fraction("/edge", MIN_EDGE),
                doc.integer("/echo", 0, MAX_ECHO), asksAgain(doc));
    }

    private Map<Recall, Pattern> asksAgain(YamlDocument doc) {
        Map<Recall, Pattern> out = new EnumMap<>(Recall.class);
        for (String key : doc.keys("/asks_again")) {
            String at = "/asks_again/" + YamlDocument.escape(key);
            Recall recall = Arrays.stream(Recall.values()).filter(r -> r.key().equals(key)).findFirst()
                    .orElseThrow(() -> doc.error(at, "yaml.unknown.key", key,
                            String.join(", ", Arrays.stream(Recall.values()).map(Recall::key).toList())));
            out.put(recall, doc.pattern(at, budget));
        }
        return out;
    }
}
