package org.coachbot.roleplay.scenario;

import org.coachbot.knowledge.PatternBudget;
import org.coachbot.text.Texts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How every customer hears the tone of a line, whatever the scenario and apart from the score: a goodbye, and an
 * offence the rubric did not count (a brush-off, a rule hidden behind, blame) told from a calm line by the
 * examples closest in meaning. Read from {@code roleplay/tone.yaml} on the classpath, whose header documents the
 * fields.
 *
 * @param goodbye     a goodbye beyond the rubric's {@code language.farewell}
 * @param offence     examples per offence the customer answers with the scenario's reactions to that move
 * @param calm        examples of plain, polite lines
 * @param taken       how likely, by a classifier learned from the examples, a clause must be to make an offence
 *                    for the customer to take it amiss
 * @param marks       per offence, the pattern of wordings that make it whatever the classifier says ("跟我喊也没用")
 * @param calmBelow   how unlikely every clause must be to make any offence for an offence the rubric heard only by
 *                    resemblance to be let pass
 */
public record Tone(Pattern goodbye, Map<MoveKind, List<String>> offence, List<String> calm,
                   Map<MoveKind, Pattern> marks, double taken, double calmBelow) {
    /** The vocabulary shipped with the bot. */
    public static final String RESOURCE = "roleplay/tone.yaml";
    /** The offences a customer can hear in a line the rubric let pass; an insult is always a pattern's. */
    public static final Set<MoveKind> OFFENCES = Set.of(MoveKind.DISMISSIVE, MoveKind.NEGATIVE_LANGUAGE,
            MoveKind.BLAME_OTHER, MoveKind.ACCUSING, MoveKind.COMMANDING);

    public Tone {
        Objects.requireNonNull(goodbye, "goodbye must not be null");
        Map<MoveKind, List<String>> copy = new EnumMap<>(MoveKind.class);
        offence.forEach((k, v) -> {
            if (!OFFENCES.contains(k)) {
                throw new IllegalArgumentException("not an offence a customer hears by tone: " + k);
            }
            copy.put(k, List.copyOf(v));
        });
        offence = Collections.unmodifiableMap(copy);
        Map<MoveKind, Pattern> marked = new EnumMap<>(MoveKind.class);
        marks.forEach((k, v) -> {
            if (!OFFENCES.contains(k)) {
                throw new IllegalArgumentException("not an offence a customer hears by tone: " + k);
            }
            marked.put(k, Objects.requireNonNull(v, "pattern must not be null"));
        });
        marks = Collections.unmodifiableMap(marked);
        calm = List.copyOf(calm);
        if (taken <= 0 || taken > 1 || calmBelow < 0 || calmBelow > taken) {
            throw new IllegalArgumentException("taken must be within (0, 1], calm_below within [0, taken]: "
                    + taken + ", " + calmBelow);
        }
    }

    /** The shipped vocabulary, read once. */
    public static Tone shipped() {
        return Shipped.TONE;
    }

    /** True when the line takes leave. */
    public boolean goodbye(String normalised) {
        return goodbye.matcher(normalised).find();
    }

    /** The first offence whose pattern the line matches, in {@link MoveKind} order. */
    public Optional<MoveKind> marked(String normalised) {
        return marks.entrySet().stream().filter(e -> e.getValue().matcher(normalised).find()).map(Map.Entry::getKey)
                .findFirst();
    }

    /** Every example phrase, to embed ahead of the first turn. */
    public List<String> phrases() {
        List<String> out = new ArrayList<>(calm);
        offence.values().forEach(out::addAll);
        return out;
    }

    /** Parses a vocabulary file; problems are thrown with {@code file:line}. */
    static Tone parse(String file, String text) {
        YamlDocument doc = YamlDocument.parse(file, text, Texts.of("roleplay"));
        doc.onlyKeys("", Set.of("goodbye", "offence", "examples"));
        doc.onlyKeys("/offence", Set.of("taken", "calm_below", "patterns"));
        doc.onlyKeys("/examples", Set.of("offence", "calm"));
        Map<MoveKind, List<String>> offence = new EnumMap<>(MoveKind.class);
        for (String key : doc.keys("/examples/offence")) {
            String at = "/examples/offence/" + YamlDocument.escape(key);
            offence.put(offenceKind(doc, at, key), doc.texts(at, 1));
        }
        Map<MoveKind, Pattern> marks = new EnumMap<>(MoveKind.class);
        for (String key : doc.keys("/offence/patterns")) {
            String at = "/offence/patterns/" + YamlDocument.escape(key);
            MoveKind kind = offenceKind(doc, at, key);
            marks.put(kind, doc.pattern(at, PatternBudget.DEFAULT));
        }
        return new Tone(doc.pattern("/goodbye", PatternBudget.DEFAULT), offence, doc.texts("/examples/calm", 1), marks,
                doc.fraction("/offence/taken", 0.01), doc.number("/offence/calm_below", 0, 1));
    }

    private static MoveKind offenceKind(YamlDocument doc, String at, String key) {
        MoveKind kind = doc.move(at, key);
        if (!OFFENCES.contains(kind)) {
            throw doc.error(at, "yaml.move", key, String.join(", ", OFFENCES.stream().map(MoveKind::key).sorted()
                    .toList()));
        }
        return kind;
    }

    /** Holder so the file is read on first use. */
    private static final class Shipped {
        static final Tone TONE = ShippedVocabulary.parse(RESOURCE, Tone::parse);
    }
}
