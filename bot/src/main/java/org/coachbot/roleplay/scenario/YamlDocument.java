package org.coachbot.roleplay.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.coachbot.knowledge.KnowledgeFormatException;
import org.coachbot.knowledge.PatternBudget;
import org.coachbot.text.Texts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A parsed YAML file that remembers the line of every key and value, so each validation error can name
 * {@code file:line}. Paths are JSON pointers such as {@code /detectors/3/patterns}.
 */
final class YamlDocument {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    private final Texts texts;
    private final String file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(Texts texts, String file, JsonNode root, Map<String, Integer> lines) {
        this.texts = texts;
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /** Parses the text; syntax errors and duplicate keys are reported with their line. */
    static YamlDocument parse(String file, String text, Texts texts) {
        Map<String, Integer> lines = new HashMap<>();
        // First pass: positions. Jackson's tree keeps no locations, so they are taken from the token stream.
        try (JsonParser p = FACTORY.createParser(text)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(),
                        p.currentTokenLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new KnowledgeFormatException(file, line, texts.get("yaml.syntax", e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new KnowledgeFormatException(file, 1, texts.get("yaml.syntax", e.getMessage()), e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (IOException e) {
            throw new KnowledgeFormatException(file, 1, texts.get("yaml.syntax", e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new KnowledgeFormatException(file, 1, texts.get("yaml.root"));
        }
        return new YamlDocument(texts, file, root, lines);
    }

    JsonNode node(String path) {
        return root.at(path);
    }

    boolean has(String path) {
        JsonNode n = node(path);
        return !n.isMissingNode() && !n.isNull();
    }

    /** Line of the key or value at the path, or of its nearest parent that has one. */
    int line(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return 1;
            }
            p = p.substring(0, slash);
        }
    }

    /** An error at the path, with the reason taken from the texts. */
    KnowledgeFormatException error(String path, String key, Object... args) {
        return new KnowledgeFormatException(file, line(path), texts.get(key, args));
    }

    /** Shows a path as {@code detectors[3].patterns}, the way the admin sees the file. */
    static String display(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.substring(1).split("/")) {
            if (part.chars().allMatch(Character::isDigit) && !part.isEmpty() && !out.isEmpty()) {
                out.append('[').append(part).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return out.toString();
    }

    /** A required, non-blank text. */
    String text(String path) {
        if (!has(path)) {
            throw error(path, "yaml.missing", display(path));
        }
        JsonNode n = node(path);
        if (!n.isValueNode() || n.asText().isBlank()) {
            throw error(path, "yaml.text", display(path));
        }
        return n.asText().strip();
    }

    /** An optional text; blank when absent. */
    String optionalText(String path) {
        return has(path) ? text(path) : "";
    }

    /** A required integer within bounds. */
    int integer(String path, int min, int max) {
        if (!has(path)) {
            throw error(path, "yaml.missing", display(path));
        }
        JsonNode n = node(path);
        if (!n.isIntegralNumber()) {
            throw error(path, "yaml.int", display(path));
        }
        if (n.asLong() < min || n.asLong() > max) {
            throw error(path, "yaml.range", display(path), min, max, n.asText());
        }
        return n.asInt();
    }

    /** An optional integer within bounds. */
    int integer(String path, int min, int max, int fallback) {
        return has(path) ? integer(path, min, max) : fallback;
    }

    /** A required number greater than zero and at most {@code max}. */
    double positive(String path, double max) {
        JsonNode n = node(path);
        if (!has(path)) {
            throw error(path, "yaml.missing", display(path));
        }
        if (!n.isNumber() || !(n.asDouble() > 0 && n.asDouble() <= max)) {
            throw error(path, "yaml.positive", display(path), max, n.asText());
        }
        return n.asDouble();
    }

    /** A required number within [{@code min}, {@code max}]. */
    double number(String path, double min, double max) {
        if (!has(path)) {
            throw error(path, "yaml.missing", display(path));
        }
        JsonNode n = node(path);
        if (!n.isNumber() || !(n.asDouble() >= min && n.asDouble() <= max)) {
            throw error(path, "yaml.number", display(path), min, max, n.asText());
        }
        return n.asDouble();
    }

    /** A required number within [{@code min}, 1]. */
    double fraction(String path, double min) {
        if (!has(path)) {
            throw error(path, "yaml.missing", display(path));
        }
        JsonNode n = node(path);
        if (!n.isNumber() || !(n.asDouble() >= min && n.asDouble() <= 1)) {
            throw error(path, "yaml.fraction", display(path), min, n.asText());
        }
        return n.asDouble();
    }

    /**
     * A required regular expression, compiled the way trainee lines are matched and tried against the budget, so
     * one that backtracks without end is refused here rather than hanging a chat thread later.
     */
    Pattern pattern(String path, PatternBudget budget) {
        String raw = text(path);
        Pattern pattern;
        try {
            pattern = TextNormalizer.compile(raw);
        } catch (PatternSyntaxException e) {
            throw error(path, "rubric.detector.regex", raw, e.getDescription());
        }
        budget.check(pattern).ifPresent(f -> {
            String shown = raw.length() > 80 ? raw.substring(0, 80) + "…" : raw;
            throw f.kind() == PatternBudget.Failure.Kind.TOO_DEEP
                    ? error(path, "rubric.detector.deep", shown, f.lineChars())
                    : error(path, "rubric.detector.slow", shown, f.lineChars(), budget.reads());
        });
        return pattern;
    }

    /** An optional boolean. */
    boolean bool(String path, boolean fallback) {
        if (!has(path)) {
            return fallback;
        }
        if (!node(path).isBoolean()) {
            throw error(path, "yaml.bool", display(path));
        }
        return node(path).asBoolean();
    }

    /** A list of non-blank texts with at least {@code min} entries; absent counts as empty. */
    List<String> texts(String path, int min) {
        List<String> out = new ArrayList<>();
        if (has(path)) {
            if (!node(path).isArray()) {
                throw error(path, "yaml.list", display(path));
            }
            for (int i = 0; i < node(path).size(); i++) {
                out.add(text(path + "/" + i));
            }
        }
        if (out.size() < min) {
            throw error(path, out.isEmpty() && !has(path) ? "yaml.missing" : "yaml.list.min", display(path), min,
                    out.size());
        }
        return out;
    }

    /** The keys of a mapping, in file order; absent counts as empty. */
    List<String> keys(String path) {
        if (!has(path)) {
            return List.of();
        }
        if (!node(path).isObject()) {
            throw error(path, "yaml.map", display(path));
        }
        List<String> out = new ArrayList<>();
        node(path).fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** How many entries the list at the path has; absent counts as empty. */
    int size(String path) {
        if (!has(path)) {
            return 0;
        }
        if (!node(path).isArray()) {
            throw error(path, "yaml.list", display(path));
        }
        return node(path).size();
    }

    /** The paths of every text value under the path, in file order. */
    List<String> textPaths(String path) {
        List<String> out = new ArrayList<>();
        collect(path, node(path), out);
        return out;
    }

    private static void collect(String path, JsonNode n, List<String> out) {
        if (n.isTextual()) {
            out.add(path);
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collect(path + "/" + i, n.get(i), out);
            }
        } else if (n.isObject()) {
            n.fieldNames().forEachRemaining(k -> collect(path + "/" + escape(k), n.get(k), out));
        }
    }

    /** Refuses keys outside {@code allowed}, so a misspelt field is reported instead of silently ignored. */
    void onlyKeys(String path, Set<String> allowed) {
        for (Iterator<String> it = node(path).fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw error(path + "/" + escape(key), "yaml.unknown.key", key, String.join(", ",
                        new TreeSet<>(allowed)));
            }
        }
    }

    /** A move kind named at the path (as a value, or as the key the path ends in). */
    MoveKind move(String path, String name) {
        return MoveKind.parse(name).orElseThrow(() -> error(path, "yaml.move", name, MoveKind.allKeys()));
    }

    /** Escapes a key for use in a JSON pointer. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
