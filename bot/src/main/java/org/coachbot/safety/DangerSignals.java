package org.coachbot.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.text.Resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a question about a caller in danger sounds like: for each kind, example questions as agents type them and
 * the words that point to it; and questions that sound alarming but are ordinary
 * difficult calls. Read from {@code safety/signals.yaml}.
 *
 * @param kinds each kind's signals
 * @param none      alarming-sounding questions that are no danger
 * @param hyperbole how exaggeration is said ("贵得我想跳楼"), and other wording that makes danger words no danger
 *                  now: a danger that is over or avoided, someone else's mood, a name of a game or product
 */
public record DangerSignals(Map<Danger, Kind> kinds, List<String> none, Pattern hyperbole) {
    /** The resource the product's signals are read from. */
    public static final String RESOURCE = "safety/signals.yaml";
    /** The knowledge file that holds the steps for each kind of danger. */
    public static final String STEPS_FILE = "safety-calls.md";

    public DangerSignals {
        kinds = Map.copyOf(kinds);
        none = List.copyOf(none);
        Objects.requireNonNull(hyperbole, "hyperbole must not be null");
        for (Danger d : Danger.values()) {
            if (!kinds.containsKey(d)) {
                throw new IllegalArgumentException("no signals for danger kind " + d.key());
            }
        }
    }

    /**
     * One kind's signals.
     *
     * @param examples questions as agents type them
     * @param words    words that point to this kind
     */
    public record Kind(List<String> examples, Pattern words) {
        public Kind {
            examples = List.copyOf(examples);
            Objects.requireNonNull(words, "words must not be null");
            if (examples.isEmpty()) {
                throw new IllegalArgumentException("a danger kind needs example questions");
            }
        }
    }

    /** The same signals with other questions that are no danger. */
    public DangerSignals withNone(List<String> otherNone) {
        return new DangerSignals(kinds, otherNone, hyperbole);
    }

    /**
     * Questions the knowledge shows are ordinary: the questions its sections answer (but those of the danger
     * steps themselves) and the questions its glossary lists as outside the material.
     */
    public static List<String> ordinary(KnowledgeBase knowledge) {
        List<String> out = new ArrayList<>();
        knowledge.sections().stream().filter(s -> !s.file().equals(STEPS_FILE)).forEach(s -> out.addAll(s.asks()));
        out.addAll(knowledge.glossary().notCoveredQuestions());
        return out;
    }

    /** The product's signals from the classpath. */
    public static DangerSignals load() {
        try {
            return parse(new ObjectMapper(new YAMLFactory()).readTree(Resources.text(RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static DangerSignals parse(JsonNode root) {
        Map<Danger, Kind> kinds = new EnumMap<>(Danger.class);
        root.path("kinds").fields().forEachRemaining(e -> {
            JsonNode k = e.getValue();
            List<String> examples = texts(k.path("examples"));
            List<String> words = texts(k.path("patterns"));
            kinds.put(Danger.of(e.getKey()), new Kind(examples,
                    Pattern.compile(words.isEmpty() ? "(?!)" : String.join("|", words))));
        });
        List<String> hyperbole = texts(root.path("hyperbole"));
        return new DangerSignals(kinds, texts(root.path("none")),
                Pattern.compile(hyperbole.isEmpty() ? "(?!)" : String.join("|", hyperbole)));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
