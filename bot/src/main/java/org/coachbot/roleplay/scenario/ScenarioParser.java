package org.coachbot.roleplay.scenario;

import org.coachbot.knowledge.PatternBudget;
import org.coachbot.text.Texts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads and checks one {@code scenarios/<id>.yaml}; the first problem is thrown with its line. */
final class ScenarioParser {
    /** Button data is {@code rp:switch:<id>} and must stay within Telegram's 64 bytes. */
    static final int MAX_ID_LENGTH = 40;
    /** Five lines a pool: a fifteen-turn call can lean on one pool and still never repeat itself. */
    static final int MIN_LINES = 5;
    static final int MIN_FACT_QUESTIONS = 3;
    static final int MIN_FACT_ANSWERS = 2;
    static final Set<String> ECHO_KEYS = Set.of("time", "name");
    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern PART_ID = Pattern.compile("[a-z0-9_]+");
    private static final Set<String> KEYS = Set.of("id", "title", "customer_type", "difficulty", "briefing",
            "background", "hidden", "goal", "persona", "starting_mood", "max_mood_step", "patience", "opening",
            "facts", "remedy", "cannot_promise", "calms", "inflames", "silent", "drawn_out_by", "guarded",
            "reactions", "echo", "by_mood", "off_script", "satisfied", "farewell", "hangup", "hint", "trains",
            "dont_know", "go_on", "memory");
    private static final Set<String> FACT_KEYS = Set.of("id", "fact", "ask", "patterns", "answer");
    private static final Set<String> BEAT_KEYS = Set.of("id", "label", "patterns", "examples");
    private static final Set<String> PROMISE_KEYS = Set.of("label", "patterns");
    private final Texts texts;
    private final PatternBudget budget;

    ScenarioParser(Texts texts, PatternBudget budget) {
        this.texts = texts;
        this.budget = budget;
    }

    /** @param file the name errors carry, e.g. {@code scenarios/hotel.yaml}; its stem must equal the id */
    Scenario parse(String file, String text) {
        YamlDocument doc = YamlDocument.parse(file, text, texts);
        doc.onlyKeys("", KEYS);
        String id = doc.text("/id");
        String stem = file.substring(file.lastIndexOf('/') + 1).replaceAll("\\.ya?ml$", "");
        if (!ID.matcher(id).matches() || id.length() > MAX_ID_LENGTH) {
            throw doc.error("/id", "scenario.id.format", id, MAX_ID_LENGTH);
        }
        if (!id.equals(stem)) {
            throw doc.error("/id", "scenario.id.file", id, stem);
        }
        boolean silent = doc.bool("/silent", false);
        Set<MoveKind> drawnOutBy = moves(doc, "/drawn_out_by");
        if (silent && drawnOutBy.isEmpty()) {
            throw doc.error("/drawn_out_by", "scenario.silent.drawn");
        }
        if (!silent && !drawnOutBy.isEmpty()) {
            throw doc.error("/drawn_out_by", "scenario.drawn.not.silent");
        }
        List<String> trains = doc.texts("/trains", 1);
        for (int i = 0; i < trains.size(); i++) {
            if (!trains.get(i).contains("#")) {
                throw doc.error("/trains/" + i, "yaml.section.format", trains.get(i));
            }
        }
        CustomerLines lines = new CustomerLines(doc.texts("/opening", MIN_LINES), reactions(doc), echo(doc),
                byMood(doc), offScript(doc), doc.texts("/guarded", silent ? MIN_LINES : 0),
                doc.texts("/satisfied", MIN_LINES), doc.texts("/farewell", MIN_LINES),
                doc.texts("/hangup", MIN_LINES), doc.texts("/dont_know", MIN_LINES), doc.texts("/go_on", MIN_LINES),
                memory(doc));
        noRepeats(doc);
        return new Scenario(id, doc.text("/title"), doc.text("/customer_type"), doc.integer("/difficulty", 1, 3),
                doc.text("/briefing"), doc.text("/background"), doc.text("/hidden"), doc.text("/goal"),
                doc.texts("/persona", 0), doc.integer("/starting_mood", Scenario.MIN_MOOD, Scenario.MAX_MOOD),
                doc.integer("/max_mood_step", 1, Scenario.MAX_MOOD, Scenario.DEFAULT_MAX_MOOD_STEP),
                doc.integer("/patience", 1, 20, Scenario.DEFAULT_PATIENCE), facts(doc), remedy(doc),
                promises(doc), changes(doc, "/calms", -5, 0), changes(doc, "/inflames", 0, 5), silent, drawnOutBy,
                lines, doc.text("/hint"), trains);
    }

    private static Set<MoveKind> moves(YamlDocument doc, String path) {
        List<String> names = doc.texts(path, 0);
        Set<MoveKind> out = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(doc.move(path + "/" + i, names.get(i)));
        }
        return out;
    }

    private List<Fact> facts(YamlDocument doc) {
        List<Fact> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < doc.size("/facts"); i++) {
            String at = "/facts/" + i;
            doc.onlyKeys(at, FACT_KEYS);
            String id = partId(doc, at, ids);
            out.add(new Fact(id, doc.text(at + "/fact"), doc.texts(at + "/ask", MIN_FACT_QUESTIONS),
                    patterns(doc, at + "/patterns", 0, budget), doc.texts(at + "/answer", MIN_FACT_ANSWERS)));
        }
        return out;
    }

    private List<RemedyBeat> remedy(YamlDocument doc) {
        if (doc.size("/remedy") == 0) {
            throw doc.error("/remedy", "yaml.list.min", "remedy", 1, 0);
        }
        List<RemedyBeat> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < doc.size("/remedy"); i++) {
            String at = "/remedy/" + i;
            doc.onlyKeys(at, BEAT_KEYS);
            String id = partId(doc, at, ids);
            List<Pattern> patterns = patterns(doc, at + "/patterns", 0, budget);
            List<String> examples = doc.texts(at + "/examples", patterns.isEmpty() ? 1 : 0);
            out.add(new RemedyBeat(id, doc.text(at + "/label"), patterns, examples));
        }
        return out;
    }

    private List<Scenario.Promise> promises(YamlDocument doc) {
        List<Scenario.Promise> out = new ArrayList<>();
        for (int i = 0; i < doc.size("/cannot_promise"); i++) {
            String at = "/cannot_promise/" + i;
            doc.onlyKeys(at, PROMISE_KEYS);
            out.add(new Scenario.Promise(doc.text(at + "/label"), patterns(doc, at + "/patterns", 1, budget)));
        }
        return out;
    }

    private static String partId(YamlDocument doc, String at, Set<String> ids) {
        String id = doc.text(at + "/id");
        if (!PART_ID.matcher(id).matches()) {
            throw doc.error(at + "/id", "rubric.detector.id", id);
        }
        if (!ids.add(id)) {
            throw doc.error(at + "/id", "yaml.duplicate.id", id);
        }
        return id;
    }

    /** Regular expressions compiled the way trainee lines are matched, each checked against the budget. */
    static List<Pattern> patterns(YamlDocument doc, String path, int min, PatternBudget budget) {
        int count = doc.texts(path, min).size();
        List<Pattern> out = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            out.add(doc.pattern(path + "/" + p, budget));
        }
        return out;
    }

    /** Mood changes: calms must be negative and inflames positive, so a sign slip is caught here. */
    private static Map<MoveKind, Integer> changes(YamlDocument doc, String path, int min, int max) {
        Map<MoveKind, Integer> out = new EnumMap<>(MoveKind.class);
        for (String key : doc.keys(path)) {
            String at = path + "/" + YamlDocument.escape(key);
            out.put(doc.move(at, key), doc.integer(at, min, max));
        }
        return out;
    }

    /** A reaction for every move kind, so whatever the trainee does, the customer answers to it. */
    private static Map<MoveKind, List<String>> reactions(YamlDocument doc) {
        Map<MoveKind, List<String>> out = new EnumMap<>(MoveKind.class);
        for (String key : doc.keys("/reactions")) {
            String at = "/reactions/" + YamlDocument.escape(key);
            out.put(doc.move(at, key), doc.texts(at, MIN_LINES));
        }
        for (MoveKind kind : MoveKind.values()) {
            if (!out.containsKey(kind)) {
                throw doc.error("/reactions", "scenario.reaction.missing", kind.key());
            }
        }
        return out;
    }

    private static Map<String, List<String>> echo(YamlDocument doc) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String key : doc.keys("/echo")) {
            String at = "/echo/" + YamlDocument.escape(key);
            if (!ECHO_KEYS.contains(key)) {
                throw doc.error(at, "yaml.unknown.key", key, String.join(", ", ECHO_KEYS));
            }
            List<String> lines = doc.texts(at, MIN_LINES);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).contains("{" + key + "}")) {
                    throw doc.error(at + "/" + i, "scenario.echo.placeholder", lines.get(i), "{" + key + "}");
                }
            }
            out.put(key, lines);
        }
        return out;
    }

    /** Lines for every deed the customer can bring up again, each with the placeholder it is filled with. */
    private static Map<Recall, List<String>> memory(YamlDocument doc) {
        doc.onlyKeys("/memory", Arrays.stream(Recall.values()).map(Recall::key).collect(Collectors.toSet()));
        Map<Recall, List<String>> out = new EnumMap<>(Recall.class);
        for (Recall recall : Recall.values()) {
            String at = "/memory/" + recall.key();
            if (!doc.has(at)) {
                throw doc.error("/memory", "scenario.memory.missing", recall.key());
            }
            List<String> lines = doc.texts(at, MIN_LINES);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                boolean holds = recall.placeholder().isEmpty() ? !line.contains("{") : line.contains(
                        recall.placeholder());
                if (!holds) {
                    throw recall.placeholder().isEmpty()
                            ? doc.error(at + "/" + i, "scenario.memory.braces", line, recall.key())
                            : doc.error(at + "/" + i, "scenario.memory.placeholder", line, recall.key(),
                            recall.placeholder());
                }
            }
            out.put(recall, lines);
        }
        return out;
    }

    private static Map<Integer, List<String>> byMood(YamlDocument doc) {
        Map<Integer, List<String>> out = new TreeMap<>();
        for (String key : doc.keys("/by_mood")) {
            String at = "/by_mood/" + YamlDocument.escape(key);
            if (!key.matches("[0-5]")) {
                throw doc.error(at, "scenario.mood.key", key);
            }
            out.put(Integer.parseInt(key), doc.texts(at, MIN_LINES));
        }
        for (int mood = Scenario.MIN_MOOD; mood <= Scenario.MAX_MOOD; mood++) {
            if (!out.containsKey(mood)) {
                throw doc.error("/by_mood", "scenario.mood.missing", mood);
            }
        }
        return out;
    }

    private static Map<OffScript, List<String>> offScript(YamlDocument doc) {
        Map<OffScript, List<String>> out = new EnumMap<>(OffScript.class);
        for (OffScript kind : OffScript.values()) {
            out.put(kind, doc.texts("/off_script/" + kind.key(), MIN_LINES));
        }
        doc.onlyKeys("/off_script", Arrays.stream(OffScript.values()).map(OffScript::key)
                .collect(Collectors.toSet()));
        return out;
    }

    /** The customer never says a line twice in a session, so a file must not hold one line twice. */
    private static void noRepeats(YamlDocument doc) {
        Map<String, String> seen = new HashMap<>();
        for (String path : doc.textPaths("")) {
            if (!isCustomerLine(path)) {
                continue;
            }
            String line = doc.node(path).asText().strip();
            String first = seen.putIfAbsent(line, path);
            if (first != null) {
                throw doc.error(path, "scenario.line.repeated", line, YamlDocument.display(first));
            }
        }
    }

    private static boolean isCustomerLine(String path) {
        return path.matches("/(opening|guarded|satisfied|farewell|hangup|dont_know|go_on)/\\d+")
                || path.matches("/(reactions|echo|by_mood|off_script|memory)/[^/]+/\\d+")
                || path.matches("/facts/\\d+/answer/\\d+");
    }
}
