package org.coachbot.roleplay.scenario;

import org.coachbot.knowledge.PatternBudget;
import org.coachbot.text.Texts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks {@code rubric.yaml}; the first problem is thrown with its line. */
final class RubricParser {
    private static final Pattern DIMENSION_ID = Pattern.compile("[a-z_]+");
    private static final Pattern DETECTOR_ID = Pattern.compile("[a-z0-9_]+");
    private static final Set<String> TOP_KEYS = Set.of("dimensions", "detectors", "neutral", "language",
            "thresholds", "scoring");
    private static final Set<String> THRESHOLD_KEYS = Set.of("moves", "bad_moves", "facts", "remedy");
    private static final Set<String> SCORING_KEYS = Set.of("remedy_points", "resolved_points", "lost_cap",
            "unresolved_cap", "remedy_cap", "bad_line_penalty", "tone_points", "cold_cap", "warm_share", "cold_advice",
            "cold_section", "breach_cap");
    private static final Set<String> DIMENSION_KEYS = Set.of("id", "name", "weight", "description", "baseline");
    private static final Set<String> DETECTOR_KEYS = Set.of("id", "dimension", "move", "polarity", "points",
            "max_hits", "patterns", "first_turn_only", "advice", "better", "section", "examples", "breach");
    /** Largest dimension weight; with weights up to 100 the weighted average can neither overflow nor vanish. */
    static final double MAX_WEIGHT = 100;
    /** Lowest meaning threshold: below it unrelated lines count as moves, a bad move on every line. */
    static final double MIN_THRESHOLD = 0.5;
    /** Below this, two warm lines in ten would already lift the cap off a curt call. */
    static final double MIN_WARM_SHARE = 0.3;
    /** Most points one bad line costs the total; more and a single slip would zero any call. */
    static final int MAX_BAD_LINE_PENALTY = 30;
    /**
     * Total the best possible call must be able to reach: every good move, every remedy beat, a satisfied
     * customer. Below it the scorecard cannot tell a good call from a bad one (the shipped rubric reaches 100).
     */
    static final int MIN_BEST_TOTAL = 60;
    private final Texts texts;
    private final PatternBudget budget;

    RubricParser(Texts texts, PatternBudget budget) {
        this.texts = texts;
        this.budget = budget;
    }

    Rubric parse(String file, String text) {
        YamlDocument doc = YamlDocument.parse(file, text, texts);
        doc.onlyKeys("", TOP_KEYS);
        List<Dimension> dimensions = dimensions(doc);
        List<Detector> detectors = detectors(doc, dimensions);
        Set<MoveKind> covered = EnumSet.noneOf(MoveKind.class);
        detectors.stream().filter(d -> d.move().bad() && !d.better().isEmpty() && !d.section().isEmpty())
                .forEach(d -> covered.add(d.move()));
        for (MoveKind kind : MoveKind.values()) {
            if (kind.bad() && !covered.contains(kind)) {
                throw doc.error("/detectors", "rubric.bad.uncovered", kind.key());
            }
        }
        Rubric.Scoring scoring = scoring(doc);
        int best = bestTotal(dimensions, detectors, scoring);
        if (best < MIN_BEST_TOTAL) {
            throw doc.error("/dimensions", "rubric.best.total", best, MIN_BEST_TOTAL);
        }
        return new Rubric(dimensions, detectors, doc.texts("/neutral", 0), language(doc), thresholds(doc), scoring);
    }

    /** The total of a call with every good move, every remedy beat and a satisfied customer, no bad move. */
    static int bestTotal(List<Dimension> dimensions, List<Detector> detectors, Rubric.Scoring scoring) {
        double weighted = 0;
        double weights = 0;
        for (Dimension d : dimensions) {
            long gained = detectors.stream().filter(t -> !t.move().bad() && t.dimension().equals(d.id()))
                    .mapToLong(t -> (long) t.points() * t.maxHits()).sum();
            if (d.id().equals("resolution")) {
                gained += scoring.remedyPoints() + scoring.resolvedPoints();
            }
            weighted += d.weight() * Math.min(100, d.baseline() + gained);
            weights += d.weight();
        }
        return (int) Math.round(weighted / weights);
    }

    private Language language(YamlDocument doc) {
        doc.onlyKeys("/language", new HashSet<>(Language.keys()));
        return new Language(pattern(doc, "/language/question"), pattern(doc, "/language/time"),
                pattern(doc, "/language/name"), pattern(doc, "/language/negation"), pattern(doc, "/language/refusal"),
                pattern(doc, "/language/farewell"), new HashSet<>(doc.texts("/language/filler", 1)),
                doc.integer("/language/wall_chars", 20, 2000));
    }

    private Pattern pattern(YamlDocument doc, String path) {
        return doc.pattern(path, budget);
    }

    private static Rubric.Thresholds thresholds(YamlDocument doc) {
        doc.onlyKeys("/thresholds", THRESHOLD_KEYS);
        return new Rubric.Thresholds(doc.fraction("/thresholds/moves", MIN_THRESHOLD),
                doc.fraction("/thresholds/bad_moves", MIN_THRESHOLD), doc.fraction("/thresholds/facts", MIN_THRESHOLD),
                doc.fraction("/thresholds/remedy", MIN_THRESHOLD));
    }

    private static Rubric.Scoring scoring(YamlDocument doc) {
        doc.onlyKeys("/scoring", SCORING_KEYS);
        // A cap of 0 would score every lost or unresolved call 0 whatever the trainee said.
        return new Rubric.Scoring(doc.integer("/scoring/remedy_points", 0, 100),
                doc.integer("/scoring/resolved_points", 0, 100), doc.integer("/scoring/lost_cap", 1, 100),
                doc.integer("/scoring/unresolved_cap", 1, 100), doc.integer("/scoring/remedy_cap", 0, 100),
                doc.integer("/scoring/bad_line_penalty", 0, MAX_BAD_LINE_PENALTY),
                doc.integer("/scoring/tone_points", 0, MAX_BAD_LINE_PENALTY),
                doc.integer("/scoring/cold_cap", 1, 100), doc.fraction("/scoring/warm_share", MIN_WARM_SHARE),
                doc.text("/scoring/cold_advice"), section(doc, "/scoring/cold_section"),
                doc.integer("/scoring/breach_cap", 0, 100));
    }

    private static String section(YamlDocument doc, String path) {
        String section = doc.text(path);
        if (!section.contains("#")) {
            throw doc.error(path, "yaml.section.format", section);
        }
        return section;
    }

    private List<Dimension> dimensions(YamlDocument doc) {
        if (!doc.node("/dimensions").isArray() || doc.node("/dimensions").isEmpty()) {
            throw doc.error("/dimensions", "yaml.list.min", "dimensions", 1, 0);
        }
        List<Dimension> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < doc.node("/dimensions").size(); i++) {
            String at = "/dimensions/" + i;
            doc.onlyKeys(at, DIMENSION_KEYS);
            String id = doc.text(at + "/id");
            if (!DIMENSION_ID.matcher(id).matches()) {
                throw doc.error(at + "/id", "rubric.dimension.id", id);
            }
            if (!ids.add(id)) {
                throw doc.error(at + "/id", "yaml.duplicate.id", id);
            }
            out.add(new Dimension(id, doc.text(at + "/name"), doc.positive(at + "/weight", MAX_WEIGHT),
                    doc.optionalText(at + "/description"), doc.integer(at + "/baseline", 0, 100)));
        }
        for (String required : Rubric.REQUIRED_DIMENSIONS) {
            if (!ids.contains(required)) {
                throw doc.error("/dimensions", "rubric.dimension.missing", required,
                        String.join(", ", Rubric.REQUIRED_DIMENSIONS));
            }
        }
        return out;
    }

    private List<Detector> detectors(YamlDocument doc, List<Dimension> dimensions) {
        if (!doc.node("/detectors").isArray() || doc.node("/detectors").isEmpty()) {
            throw doc.error("/detectors", "yaml.list.min", "detectors", 1, 0);
        }
        Set<String> dimensionIds = new HashSet<>();
        dimensions.forEach(d -> dimensionIds.add(d.id()));
        List<Detector> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < doc.node("/detectors").size(); i++) {
            out.add(detector(doc, "/detectors/" + i, dimensionIds, ids));
        }
        return out;
    }

    private Detector detector(YamlDocument doc, String at, Set<String> dimensionIds, Set<String> ids) {
        doc.onlyKeys(at, DETECTOR_KEYS);
        String id = doc.text(at + "/id");
        if (!DETECTOR_ID.matcher(id).matches()) {
            throw doc.error(at + "/id", "rubric.detector.id", id);
        }
        if (!ids.add(id)) {
            throw doc.error(at + "/id", "yaml.duplicate.id", id);
        }
        String dimension = doc.text(at + "/dimension");
        if (!dimensionIds.contains(dimension)) {
            throw doc.error(at + "/dimension", "rubric.detector.dimension", dimension,
                    String.join(", ", dimensionIds));
        }
        MoveKind move = doc.move(at + "/move", doc.text(at + "/move"));
        String polarity = doc.text(at + "/polarity");
        if (!polarity.equals(move.polarity().key())) {
            throw doc.error(at + "/polarity", "rubric.detector.polarity", polarity, move.key(),
                    move.polarity().key());
        }
        List<String> examples = doc.texts(at + "/examples", 0);
        List<Pattern> patterns = ScenarioParser.patterns(doc, at + "/patterns", examples.isEmpty() ? 1 : 0, budget);
        String better = doc.optionalText(at + "/better");
        String section = doc.optionalText(at + "/section");
        if (move.bad() && better.isEmpty()) {
            throw doc.error(at, "rubric.detector.better", id);
        }
        if (move.bad() && section.isEmpty()) {
            throw doc.error(at, "rubric.detector.section", id);
        }
        if (!section.isEmpty() && !section.contains("#")) {
            throw doc.error(at + "/section", "yaml.section.format", section);
        }
        boolean breach = doc.bool(at + "/breach", false);
        if (breach && !move.bad()) {
            throw doc.error(at + "/breach", "rubric.detector.breach", id);
        }
        // A detector worth 0 points would do nothing; more than 20 hits would let one move fill a dimension.
        return new Detector(id, dimension, move, doc.integer(at + "/points", 1, 100),
                doc.integer(at + "/max_hits", 1, 20, 1), patterns, doc.bool(at + "/first_turn_only", false),
                doc.text(at + "/advice"), better, section, examples, breach);
    }
}
