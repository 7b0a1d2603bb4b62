package org.coachbot.roleplay.scoring;

import org.coachbot.roleplay.engine.Clauses;
import org.coachbot.roleplay.engine.DetectedMove;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.scenario.CallChecks;
import org.coachbot.roleplay.scenario.Detector;
import org.coachbot.roleplay.scenario.Dimension;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.TextNormalizer;
import org.coachbot.roleplay.scoring.Scorecard.Adjustment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Scores a session against the rubric. Each dimension starts at its baseline; each detector adds (good) or subtracts
 * (bad) its points once per line up to {@code max_hits}, and every offending line costs 积极语言 its tone points; the
 * remedy beats offered and a satisfied customer add to resolution. 总分 is the weighted average held down by caps
 * the card states (a breach of policy at {@code breach_cap}, a lost customer at {@code lost_cap}, an unresolved call
 * at {@code unresolved_cap} plus its share of the remedy, an unresolved call without warmth at its warmth cap, where
 * each offending line takes back half a warm one), less
 * a penalty per offending line unless the customer ended satisfied. Courtesy and questions in a line that also
 * offends earn nothing ("你好,安装的事不归我管" is no good opening), and closing counts once there was something to
 * close on (a satisfied customer or a step of the remedy offered), so a trainee is never marked down for a close they
 * had no chance to make. A line read out of the briefing earns no good move. Only the trainee's lines and the rubric
 * decide: the same call scores the same whichever persona played the customer.
 */
public final class Scorer {
    /** Courtesy moves and questions that an offence in the same line cancels ("你到底想干什么?" asks nothing). */
    private static final Set<MoveKind> COURTESY = EnumSet.of(MoveKind.GREETING, MoveKind.SELF_INTRO,
            MoveKind.THANKS, MoveKind.CLOSING, MoveKind.GOOD_QUESTION, MoveKind.OPEN_QUESTION);
    /** Moves that make a "no" in the same line a way of saying what can be done instead. */
    private static final Set<MoveKind> ALTERNATIVE = EnumSet.of(MoveKind.SOLUTION, MoveKind.PROMISE);
    /** Offences that a line declining to guarantee only resembles: its "不能" and its "打包票". */
    private static final Set<MoveKind> HONEST = EnumSet.of(MoveKind.NEGATIVE_LANGUAGE, MoveKind.OVER_PROMISE);
    /** Reasons shown per dimension: the card explains a score, it does not replay the call. */
    static final int MAX_REASONS = 3;
    /** Invented facts and ignored objections named on a card, each kind: the first ones teach the habit. */
    static final int MAX_FLAGS = 2;
    private final CallChecks checks;

    /** A scorer with the shipped checks for invented facts and ignored objections. */
    public Scorer() {
        this(CallChecks.shipped());
    }

    public Scorer(CallChecks checks) {
        this.checks = Objects.requireNonNull(checks, "checks must not be null");
    }

    /** Scores the session as it stands, ending with {@code outcome}. */
    public Scorecard score(Rubric rubric, Scenario scenario, Session session, Outcome outcome) {
        ReadBack readBack = new ReadBack(scenario);
        List<DetectedMove> heard = heard(session, readBack, rubric).stream()
                .filter(m -> m.kind().bad() || !readBack.copied(m.quote())).toList();
        Set<Integer> offending = new TreeSet<>();
        heard.stream().filter(m -> m.kind().bad()).forEach(m -> offending.add(m.turn()));
        int satisfiedAt = session.call().satisfiedAt();
        List<DetectedMove> counted = heard.stream()
                .filter(m -> m.kind().bad() || !(offending.contains(m.turn()) && COURTESY.contains(m.kind())))
                .filter(m -> m.kind() != MoveKind.CLOSING || closesAfterHelp(session, m.turn()))
                .toList();
        Rubric.Scoring scoring = rubric.scoring();
        Map<String, List<Scorecard.Reason>> reasons = reasons(rubric, counted);
        heard.stream().filter(m -> m.kind().bad()).filter(distinctTurn()).forEach(m -> reasons
                .computeIfAbsent("positive_language", k -> new ArrayList<>())
                .add(new Scorecard.Reason(m.quote(), -scoring.tonePoints())));
        boolean resolved = session.call().satisfied();
        List<Scorecard.Beat> beats = scenario.remedy().stream()
                .map(b -> new Scorecard.Beat(b.label(), session.call().beats().contains(b.id()))).toList();
        double share = beats.stream().filter(Scorecard.Beat::done).count() / (double) beats.size();
        int remedy = (int) Math.round(scoring.remedyPoints() * share) + (resolved ? scoring.resolvedPoints() : 0);
        if (remedy > 0) {
            reasons.computeIfAbsent("resolution", k -> new ArrayList<>()).add(new Scorecard.Reason("", remedy));
        }
        List<Scorecard.DimensionScore> dimensions = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        for (Dimension dim : rubric.dimensions()) {
            List<Scorecard.Reason> why = reasons.getOrDefault(dim.id(), List.of());
            int score = clamp(dim.baseline() + why.stream().mapToInt(Scorecard.Reason::points).sum());
            dimensions.add(new Scorecard.DimensionScore(dim.id(), dim.name(), score, byLine(why).stream()
                    .sorted(Comparator.comparingInt(r -> -Math.abs(r.points()))).limit(MAX_REASONS).toList()));
            weighted += dim.weight() * score;
            weights += dim.weight();
        }
        long warmLines = counted.stream().filter(m -> !m.kind().bad() && !offending.contains(m.turn()))
                .mapToInt(DetectedMove::turn).distinct().count();
        // Each offending line takes back half a warm one: a curt call that says "您好" and "抱歉" between its
        // brush-offs is still cold, while one slip among warm lines barely moves the cap.
        int warmthCap = scoring.warmthCap(session.traineeTurns() == 0 ? 0
                : Math.max(0, warmLines - offending.size() / 2.0) / session.traineeTurns());
        int average = (int) Math.round(weighted / weights);
        Caps caps = new Caps(average);
        breach(rubric, heard).ifPresent(m -> caps.cap(Adjustment.Kind.BREACH, scoring.breachCap(), m.quote()));
        if (outcome == Outcome.FAILURE || outcome == Outcome.GAVE_UP) {
            caps.cap(Adjustment.Kind.LOST, scoring.lostCap(), "");
        }
        if (!resolved) {
            caps.cap(Adjustment.Kind.UNRESOLVED,
                    scoring.unresolvedCap() + (int) Math.round(scoring.remedyCap() * share), "");
        }
        // Plain lines that win the customer over are not cold: the warmth cap holds down curt calls, none of which
        // ends with a satisfied customer.
        boolean cold = !resolved && caps.cap(Adjustment.Kind.COLD, warmthCap, "");
        // Taken off after the caps, so a lost call with four insults still scores below a lost call with one. A slip
        // in a call that won the customer over costs its dimension points only: trainers grade such calls on the
        // whole, and no curt or harmful call ends with a satisfied customer.
        caps.deduct(resolved ? 0 : scoring.badLinePenalty(), offending.size());
        Observations notes = new Observations(rubric, heard, counted, resolved && satisfiedAt > 0, cold);
        List<Scorecard.Observation> toImprove = new ArrayList<>(notes.toImprove());
        toImprove.addAll(flags(rubric, scenario, session, toImprove));
        return new Scorecard(scenario.id(), outcome, clamp(caps.total()), resolved, dimensions, beats,
                toImprove, notes.strengths(offending), session.traineeTurns(), session.hints(),
                caps.adjustments(), average);
    }

    /**
     * Lines that stated an invented fact or went past the customer's objection, each line once and never one the
     * card already quotes. They read the customer's lines, so they are notes only and leave the score alone.
     */
    private List<Scorecard.Observation> flags(Rubric rubric, Scenario scenario, Session session,
                                              List<Scorecard.Observation> quoted) {
        Set<String> lines = new HashSet<>();
        quoted.forEach(o -> lines.add(o.quote()));
        List<Scorecard.Observation> out = new ArrayList<>();
        note(rubric, checks.invented(), "{fact}", new InventedFacts(checks).find(scenario, session),
                Scorecard.Observation.Kind.INVENTED_FACT, lines, out);
        note(rubric, checks.ignored(), "{customer}", new IgnoredObjections(checks).find(session, rubric.language()),
                Scorecard.Observation.Kind.IGNORED_OBJECTION, lines, out);
        return out;
    }

    private static void note(Rubric rubric, CallChecks.Note note, String slot, Map<String, String> found,
                             Scorecard.Observation.Kind kind, Set<String> lines, List<Scorecard.Observation> out) {
        String dimension = rubric.dimension(note.dimension()).map(Dimension::name).orElse(note.dimension());
        found.entrySet().stream().filter(e -> lines.add(e.getKey())).limit(MAX_FLAGS)
                .forEach(e -> out.add(new Scorecard.Observation(dimension, e.getKey(), note.better(),
                        note.advice().replace(slot, e.getValue()), note.section(), kind)));
    }

    /**
     * The moves that count. A "no" said in the same line as what will be done instead ("现金赔不了,我给您申请一张
     * 优惠券", "私人微信我不能加,您打热线报我的工号") is how the training material teaches to refuse, not negative
     * language; what will be done is a solution, a promise or a step of the scenario's remedy. Declining to guarantee
     * what nobody can ("到账时间是银行定的,我不能跟您打包票") is the honesty the material asks for, neither negative
     * language nor an over-promise; neither is explaining what the agent was briefed cannot be done ("银行系统暂时
     * 完成不了支付"). Nor is a firm word on what the briefing says can be done ("今天下午六点前一定送到" when the
     * briefing says "今天下午六点前送到"): that is a commitment, not an over-promise; what it rules out stays a breach.
     */
    private List<DetectedMove> heard(Session session, ReadBack readBack, Rubric rubric) {
        Map<Integer, Set<MoveKind>> kinds = new HashMap<>();
        session.moves().forEach(m -> kinds.computeIfAbsent(m.turn(), k -> EnumSet.noneOf(MoveKind.class))
                .add(m.kind()));
        Set<Integer> remedy = new HashSet<>(session.call().remedyTurns());
        Set<Integer> declined = declinedBreaches(session, rubric);
        return session.moves().stream()
                .filter(m -> !declined.contains(m.turn()) || !(m.kind() == MoveKind.NEGATIVE_LANGUAGE
                        || rubric.detector(m.detector()).filter(Detector::breach).isPresent()))
                .filter(m -> m.kind() != MoveKind.NEGATIVE_LANGUAGE || !(remedy.contains(m.turn())
                        || kinds.get(m.turn()).stream().anyMatch(ALTERNATIVE::contains)
                        || readBack.restatesLimit(m.quote(), c -> rubric.language().refused(c)
                        || rubric.detectorsFor(MoveKind.NEGATIVE_LANGUAGE).stream().anyMatch(d -> d.matches(c)))))
                // "恢复时间还说不准" restating "什么时候恢复还不确定" passes on what the agent knows, it does not hedge.
                .filter(m -> m.kind() != MoveKind.DISMISSIVE || !readBack.restatesLimit(m.quote(),
                        c -> rubric.detector(m.detector()).filter(d -> d.matches(c)).isPresent()))
                .filter(m -> !HONEST.contains(m.kind())
                        || !checks.noGuarantee().matcher(TextNormalizer.normalize(m.quote())).find())
                // "今天下午六点前一定送到" restating "今天下午六点前送到" commits to what the agent knows can be done.
                .filter(m -> m.kind() != MoveKind.OVER_PROMISE
                        || rubric.detector(m.detector()).filter(Detector::breach).isPresent()
                        || !readBack.restatesLimit(m.quote(),
                        c -> rubric.detector(m.detector()).filter(d -> d.matches(c)).isPresent()))
                .toList();
    }

    /**
     * Lines that name what policy forbids only to say no to it ("您想加我微信,是把我当自己人了……这个真不能给",
     * "微信我真不能加,私下联系出了事反倒没人给您兜底"): a refusal in the line makes it the decline the training
     * material asks for, neither a breach nor negative language.
     */
    private static Set<Integer> declinedBreaches(Session session, Rubric rubric) {
        Set<Integer> out = new HashSet<>();
        // Only what the breach's own patterns heard: a promise the fact sheet rules out is heard clause by clause.
        session.moves().stream().filter(m -> rubric.detector(m.detector())
                        .filter(d -> d.breach() && d.matches(TextNormalizer.normalize(m.quote()))).isPresent())
                .filter(m -> Clauses.of(TextNormalizer.normalize(m.quote())).stream()
                        .anyMatch(c -> rubric.language().refused(c)))
                .forEach(m -> out.add(m.turn()));
        return out;
    }

    /**
     * A close counts once the trainee had something to close on: the customer satisfied, or a step of the remedy
     * offered. A goodbye after nothing but talk closes nothing, and no trainee is marked down for a close the call
     * gave no chance to make.
     */
    private static boolean closesAfterHelp(Session session, int turn) {
        int satisfiedAt = session.call().satisfiedAt();
        return (satisfiedAt > 0 && turn > satisfiedAt)
                || session.call().remedyTurns().stream().anyMatch(t -> t <= turn);
    }

    /** The first line that broke company policy, if any. */
    private static Optional<DetectedMove> breach(Rubric rubric, List<DetectedMove> heard) {
        return heard.stream().filter(m -> rubric.detector(m.detector()).filter(Detector::breach).isPresent())
                .findFirst();
    }

    /** Each detector's points per line, up to its {@code max_hits} lines, grouped by dimension. */
    private static Map<String, List<Scorecard.Reason>> reasons(Rubric rubric, List<DetectedMove> counted) {
        Map<String, List<Scorecard.Reason>> out = new LinkedHashMap<>();
        for (Detector d : rubric.detectors()) {
            counted.stream().filter(m -> m.detector().equals(d.id())).filter(distinctTurn()).limit(d.maxHits())
                    .forEach(m -> out.computeIfAbsent(d.dimension(), k -> new ArrayList<>())
                            .add(new Scorecard.Reason(m.quote(), d.move().bad() ? -d.points() : d.points())));
        }
        return out;
    }

    /** One reason per line: a line that hedges loses its rule's points and its tone points in one entry. */
    private static List<Scorecard.Reason> byLine(List<Scorecard.Reason> reasons) {
        Map<String, Integer> sums = new LinkedHashMap<>();
        reasons.forEach(r -> sums.merge(r.quote(), r.points(), Integer::sum));
        List<Scorecard.Reason> out = new ArrayList<>();
        sums.forEach((quote, points) -> out.add(new Scorecard.Reason(quote, points)));
        return out;
    }

    private static Predicate<DetectedMove> distinctTurn() {
        Set<Integer> seen = new HashSet<>();
        return m -> seen.add(m.turn());
    }

    private static int clamp(int score) {
        return Math.max(0, Math.min(100, score));
    }

    /** The total as caps and deductions bring it down, and the record of those that did. */
    private static final class Caps {
        private int total;
        private final List<Adjustment> adjustments = new ArrayList<>();

        Caps(int total) {
            this.total = total;
        }

        /** Holds the total at {@code cap}; true when the cap was lower than the total. */
        boolean cap(Adjustment.Kind kind, int cap, String quote) {
            if (cap >= total) {
                return false;
            }
            total = cap;
            adjustments.add(new Adjustment(kind, cap, 0, quote));
            return true;
        }

        void deduct(int perLine, int lines) {
            if (perLine > 0 && lines > 0) {
                total -= perLine * lines;
                adjustments.add(new Adjustment(Adjustment.Kind.OFFENCES, perLine * lines, lines, ""));
            }
        }

        int total() {
            return total;
        }

        List<Adjustment> adjustments() {
            return adjustments;
        }
    }
}
