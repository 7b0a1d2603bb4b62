package org.coachbot.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.coachbot.text.Texts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the knowledge answers to beyond its own text, kept by the trainers in {@code knowledge/glossary.yaml}: the
 * English words agents mix into their questions ("customer 一直 complain") with the Chinese words the knowledge
 * uses, and customer-service topics the training material does not cover, so such questions are declined honestly
 * instead of answered with a loosely related section.
 *
 * @param english    lower-case English word or phrase → Chinese terms, e.g. {@code complain → [投诉, 抱怨]}
 * @param notCovered short descriptions of topics the material does not cover, e.g. 退款、退货的流程和规定
 * @param notCoveredQuestions questions as agents type them that the material does not answer; retrieval learns
 *                   from them what a question outside the material sounds like
 */
public record Glossary(Map<String, List<String>> english, List<String> notCovered, List<String> notCoveredQuestions) {
    /** The glossary's file name in the knowledge folder. */
    public static final String FILE_NAME = "glossary.yaml";
    /** No English words and no known gaps. */
    public static final Glossary EMPTY = new Glossary(Map.of(), List.of(), List.of());
    private static final String WORD = "[a-z][a-z0-9'-]*(?: [a-z][a-z0-9'-]*)*";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Texts TEXTS = Texts.of("glossary");

    public Glossary {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        english.forEach((word, terms) -> {
            if (!word.matches(WORD)) {
                throw new IllegalArgumentException("glossary words must be lower-case English, got: " + word);
            }
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("glossary word " + word + " needs at least one Chinese term");
            }
            copy.put(word, List.copyOf(terms));
        });
        english = Collections.unmodifiableMap(copy);
        notCovered = List.copyOf(notCovered);
        notCoveredQuestions = List.copyOf(notCoveredQuestions);
    }

    /** A glossary without example questions. */
    public Glossary(Map<String, List<String>> english, List<String> notCovered) {
        this(english, notCovered, List.of());
    }

    /** The Chinese terms for a lower-case English word or phrase; empty when the glossary does not know it. */
    public List<String> chinese(String word) {
        return english.getOrDefault(word, List.of());
    }

    /** Most words in one English entry, so "hang up" is tried before "hang". */
    public int longestPhrase() {
        return english.keySet().stream().mapToInt(w -> w.split(" ").length).max().orElse(0);
    }

    /**
     * Parses the file; throws {@link KnowledgeFormatException} naming the line of the first problem, with what the
     * format expects.
     */
    public static Glossary parse(String fileName, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new KnowledgeFormatException(fileName, line,
                    TEXTS.get("glossary.yaml", firstLine(e.getOriginalMessage())));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return EMPTY;
        }
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        if (!root.isObject()) {
            throw new KnowledgeFormatException(fileName, 1, TEXTS.get("glossary.shape"));
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("english") && !key.equals("not_covered") && !key.equals("not_covered_questions")) {
                throw new KnowledgeFormatException(fileName, lineOf(lines, key + ":"),
                        TEXTS.get("glossary.unknown.part", key));
            }
        }
        return new Glossary(english(fileName, lines, root.path("english")),
                notCovered(fileName, lines, root.path("not_covered"), "not_covered:"),
                notCovered(fileName, lines, root.path("not_covered_questions"), "not_covered_questions:"));
    }

    private static Map<String, List<String>> english(String fileName, String[] lines, JsonNode node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new KnowledgeFormatException(fileName, lineOf(lines, "english:"),
                    TEXTS.get("glossary.english.shape"));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String word = e.getKey().strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            int line = lineOf(lines, e.getKey() + ":");
            if (!word.matches(WORD)) {
                throw new KnowledgeFormatException(fileName, line,
                        TEXTS.get("glossary.english.word", e.getKey()));
            }
            List<String> terms = new ArrayList<>();
            JsonNode value = e.getValue();
            if (value.isArray()) {
                value.forEach(t -> addTerms(terms, t.asText()));
            } else if (value.isValueNode()) {
                addTerms(terms, value.asText());
            }
            if (terms.isEmpty()) {
                throw new KnowledgeFormatException(fileName, line,
                        TEXTS.get("glossary.english.terms", e.getKey(), word));
            }
            out.put(word, terms);
        }
        return out;
    }

    private static List<String> notCovered(String fileName, String[] lines, JsonNode node, String key) {
        List<String> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new KnowledgeFormatException(fileName, lineOf(lines, key),
                    TEXTS.get("glossary.topics.shape"));
        }
        for (JsonNode topic : node) {
            String text = topic.isValueNode() ? topic.asText().strip() : "";
            if (text.isEmpty()) {
                throw new KnowledgeFormatException(fileName, lineOf(lines, key),
                        TEXTS.get("glossary.topics.empty"));
            }
            out.add(text);
        }
        return out;
    }

    private static void addTerms(List<String> into, String raw) {
        for (String t : raw.split("[,,、;;]")) {
            String term = t.strip();
            if (!term.isEmpty() && !into.contains(term)) {
                into.add(term);
            }
        }
    }

    /** 1-based line of the first line containing {@code needle}, else 1. */
    private static int lineOf(String[] lines, String needle) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        return 1;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
