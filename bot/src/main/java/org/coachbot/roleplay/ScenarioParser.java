package org.coachbot.roleplay;

import org.coachbot.text.Texts;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Reads and checks one {@code scenarios/<id>.yaml}; the first problem is thrown with its line. */
final class ScenarioParser {
    /** Button data is {@code rp:switch:<id>} and must stay within Telegram's 64 bytes. */
    static final int MAX_ID_LENGTH = 40;
    /** Three lines per reaction let the customer avoid repeating the line they just said. */
    static final int MIN_REACTION_LINES = 3;
    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final Set<String> KEYS = Set.of("id", "title", "customer_type", "difficulty", "background",
            "goal", "persona", "starting_mood", "opening", "calms", "inflames", "silent", "drawn_out_by",
            "resolved_when", "reactions", "by_mood", "guarded", "success", "failure", "hint", "trains");
    private final Texts texts;

    ScenarioParser(Texts texts) {
        this.texts = texts;
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
        List<String> guarded = doc.texts("/guarded", silent ? 2 : 0);
        Set<MoveKind> resolvedWhen = moves(doc, "/resolved_when");
        if (resolvedWhen.isEmpty()) {
            throw doc.error("/resolved_when", "yaml.list.min", "resolved_when", 1, 0);
        }
        List<String> trains = doc.texts("/trains", 1);
        for (int i = 0; i < trains.size(); i++) {
            if (!trains.get(i).contains("#")) {
                throw doc.error("/trains/" + i, "yaml.section.format", trains.get(i));
            }
        }
        return new Scenario(id, doc.text("/title"), doc.text("/customer_type"), doc.integer("/difficulty", 1, 3),
                doc.text("/background"), doc.text("/goal"), doc.texts("/persona", 0),
                doc.integer("/starting_mood", Scenario.MIN_MOOD, Scenario.MAX_MOOD), doc.texts("/opening", 1),
                changes(doc, "/calms", -5, 0), changes(doc, "/inflames", 0, 5), silent, drawnOutBy, resolvedWhen,
                reactions(doc), byMood(doc), guarded, doc.text("/success"), doc.text("/failure"), doc.text("/hint"),
                trains);
    }

    private static Set<MoveKind> moves(YamlDocument doc, String path) {
        List<String> names = doc.texts(path, 0);
        Set<MoveKind> out = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(doc.move(path + "/" + i, names.get(i)));
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

    private static Map<MoveKind, List<String>> reactions(YamlDocument doc) {
        Map<MoveKind, List<String>> out = new EnumMap<>(MoveKind.class);
        for (String key : doc.keys("/reactions")) {
            String at = "/reactions/" + YamlDocument.escape(key);
            out.put(doc.move(at, key), doc.texts(at, MIN_REACTION_LINES));
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
            out.put(Integer.parseInt(key), doc.texts(at, 1));
        }
        for (int mood = Scenario.MIN_MOOD; mood <= Scenario.MAX_MOOD; mood++) {
            if (!out.containsKey(mood)) {
                throw doc.error("/by_mood", "scenario.mood.missing", mood);
            }
        }
        return out;
    }
}
