package org.coachbot.roleplay.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.coachbot.roleplay.scenario.Fact;
import org.coachbot.roleplay.scenario.Hearing;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.TextNormalizer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds what a trainee line asks the customer: each question or request in it is heard on its own ("您家地址是?
 * 今天下午几点方便?" asks two things), matched to a fact of the scenario's fact sheet by the fact's patterns or by
 * meaning, where a fact whose example questions are of the same kind (when, where, which number…) is heard from
 * further away. A question of a definite kind that matches no fact asks something the customer does not know.
 * Statements are never read as questions, so the agent's own times and numbers ("我十分钟后回您") are never taken
 * for the customer's.
 */
final class FactFinder {
    /** A question this short ("是多少?") is heard together with the clause before it. */
    static final int SHORT_QUESTION_CHARS = 5;
    /** The second half of a choice question. */
    private static final Pattern CHOICE = Pattern.compile("^(还是|或者|或是)");
    /** What turns an agent statement into a request: "我想请您报一下", "我需要您告诉我", "我想了解一下您几点到的". */
    private static final Pattern REQUEST = Pattern.compile(
            "请(您|你)|麻烦(您|你)|劳驾|(告诉|发给|报给|念给)我|(想|要|得|需要)(先)?(问|了解|确认|核实|核对|知道)");
    private static final Pattern ABOUT_THEM = Pattern.compile("您|你");
    /** Agent statements, after the time they name: "我这边给您查", "下午四点我再打给您". */
    private static final Pattern AGENT_STATEMENT = Pattern.compile("^((今天|明天|今晚|明早|上午|下午|晚上|中午|早上|一会儿?|稍后"
            + "|待会儿?|回头|马上|[0-9一二三四五六七八九十两半点钟分个小时之前后内]+)+)?(我|我们|咱们|这边|那我|我这边|那我们)");
    /** Clause ends; "、" is not one, as "师傅姓什么、电话多少" is one thing asked or told. */
    private static final String BOUNDARIES = ",.!?;:。…~\n";
    private static final String SENTENCE_ENDS = ".!?。…\n";
    private final Meaning meaning;
    private final Hearing hearing;
    private final Cache<Fact, Set<String>> factKinds = Caffeine.newBuilder().weakKeys().maximumSize(2_000).build();
    /** The same list for a fact on every turn, so a meaning that keeps example vectors by list finds them. */
    private final Cache<Fact, List<String>> toldTexts = Caffeine.newBuilder().weakKeys().maximumSize(2_000).build();

    FactFinder(Meaning meaning, Hearing hearing) {
        this.meaning = Objects.requireNonNull(meaning, "meaning must not be null");
        this.hearing = Objects.requireNonNull(hearing, "hearing must not be null");
    }

    /**
     * What the line asks.
     *
     * @param facts   the facts asked about, in the order asked, each once
     * @param unknown questions of the line about something the customer does not know
     */
    record Asked(List<Fact> facts, List<String> unknown) {
        Asked {
            facts = List.copyOf(facts);
            unknown = List.copyOf(unknown);
        }
    }

    /**
     * A clause of the line, whether a question mark ended it, and the sentence it belongs to (up to the next
     * full stop, question or exclamation mark).
     */
    record Piece(String text, boolean questionMark, String sentence) {
        Piece(String text, boolean questionMark) {
            this(text, questionMark, text);
        }
    }

    Asked read(Scenario scenario, double threshold, String normalised) {
        Set<Fact> facts = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        List<Piece> pieces = pieces(normalised);
        List<Unit> units = units(pieces);
        Fact previous = null;
        for (Unit u : units) {
            String unit = u.text();
            if (previous != null && hearing.followsUp(unit)) {
                // "您手上有确认邮件吗?上面写的是几晚?" asks about the confirmation twice.
                continue;
            }
            Fact fact = fact(scenario, threshold, unit);
            if (fact == null && !u.context().isEmpty() && !hearing.onlyChecks(unit)) {
                // "住宿费是单位报销,还是您自己承担?" names its topic in the clause before the question.
                fact = fact(scenario, threshold, u.context() + unit);
            }
            if (fact == null && !hearing.onlyChecks(unit) && !hearing.theirSide(unit)
                    && (hearing.asksTheirOwn(unit) || hearing.kindsOf(unit).isEmpty())) {
                // "您详细说说这个扣费是怎么回事?" asks for the customer's own story: the closest fact is it.
                fact = fact(scenario, threshold + hearing.margins().open(), u.context() + unit);
                if (fact == null && hearing.asksTheirOwn(u.context() + unit)) {
                    fact = leading(scenario, threshold + hearing.margins().open() + hearing.margins().own(),
                            u.context() + unit);
                }
            }
            if (fact != null) {
                facts.add(fact);
            } else if (hearing.mayNotKnow(unit) && hearing.mayNotKnow(u.context() + unit)) {
                unknown.add(unit);
            }
            previous = fact;
        }
        return new Asked(new ArrayList<>(facts), unknown);
    }

    /** A question or request of the line, and the statement just before it that may name its topic. */
    record Unit(String text, String context) {
    }

    /**
     * The questions and requests of the line, each heard on its own: a question too short to name its topic
     * ("是多少?") is heard with the clause before it, and a bare request ("麻烦您回忆一下") with the question after
     * it.
     */
    List<Unit> units(List<Piece> pieces) {
        List<Unit> out = new ArrayList<>();
        String pending = "";
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            if (!asks(p)) {
                pending = "";
                continue;
            }
            if (CHOICE.matcher(p.text()).find() && !out.isEmpty() && i > 0 && asks(pieces.get(i - 1))) {
                // "您是想换套餐,还是先了解一下?" is one question.
                Unit last = out.remove(out.size() - 1);
                out.add(new Unit(last.text() + p.text(), last.context()));
                continue;
            }
            if (CHOICE.matcher(p.text()).find() && i > 0 && pending.isEmpty()
                    && pieces.get(i - 1).sentence().equals(p.sentence())) {
                // "您是想换个更快的,还是有别的想法?": the first half asks only once the second is heard.
                out.add(new Unit(pieces.get(i - 1).text() + p.text(), ""));
                continue;
            }
            String before = i > 0 && pending.isEmpty() ? pieces.get(i - 1).text() : "";
            boolean tooShort = p.text().length() <= SHORT_QUESTION_CHARS && !before.isEmpty();
            String unit = tooShort ? before + p.text() : pending + p.text();
            if (tooShort && !out.isEmpty() && out.get(out.size() - 1).text().equals(before)) {
                // "有没有绑定合约,您清楚吗?" is one question, doubted as a whole, not a plain one and a doubted one.
                Unit last = out.remove(out.size() - 1);
                out.add(new Unit(unit, last.context()));
                continue;
            }
            boolean nextAsks = i + 1 < pieces.size() && asks(pieces.get(i + 1));
            boolean preamble = !p.questionMark() && !hearing.questionWords(p.text());
            if (nextAsks && preamble && hearing.kindsOf(unit).isEmpty() && !hearing.onlyChecks(unit)) {
                pending = unit;
                continue;
            }
            pending = "";
            out.add(new Unit(unit, tooShort ? "" : before));
        }
        return out;
    }

    /** True when the clause asks the customer something rather than telling them. */
    boolean asks(Piece p) {
        if (p.questionMark()) {
            return !hearing.echoes(p.text());
        }
        if (hearing.asks(p.text())) {
            // "我跟工程部确认一下" is the agent's own step; "我想请您报一下单号" still asks.
            return !AGENT_STATEMENT.matcher(p.text()).find() || REQUEST.matcher(p.text()).find();
        }
        // "我想了解一下您是几点到的" asks the customer; "我得问问工程部几点能修好" is the agent's own step.
        boolean request = REQUEST.matcher(p.text()).find() && ABOUT_THEM.matcher(p.text()).find();
        return hearing.questionWords(p.text()) && (!AGENT_STATEMENT.matcher(p.text()).find() || request)
                && !hearing.tells(p.sentence(), p.text());
    }

    /**
     * The fact the question asks about: a pattern hit, else the closest in meaning above the kind's threshold. A
     * check ("这样可以吗?") or a question about the company's side matches by pattern only, and a question about
     * what no caller knows ("师傅工号多少?") matches none.
     */
    private Fact fact(Scenario scenario, double threshold, String unit) {
        if (hearing.unknowable(unit)) {
            return null;
        }
        Set<String> asked = hearing.kindsOf(unit);
        boolean byMeaning = !hearing.onlyChecks(unit) && !hearing.theirSide(unit);
        // Whether the customer knows something is doubted; what they remember of their own story is not.
        boolean doubts = hearing.asksWhetherKnown(unit) && !hearing.recalls(unit);
        double knows = doubts ? hearing.margins().knows() : 0;
        Fact best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        List<String> clauses = List.of(unit);
        for (Fact f : scenario.facts()) {
            boolean otherThing = asksOtherThing(unit, f);
            boolean pattern = f.matches(unit) && !otherThing;
            // "您知道那天是哪个前台接的电话吗" doubts the customer knows a thing the booking fact never names: close in
            // topic is not enough.
            if ((!pattern && !byMeaning) || (doubts && otherThing)) {
                continue;
            }
            // A question is close to how the fact is asked, or to the fact itself ("几点起飞?", "零点五十起飞").
            double closeness = Math.max(meaning.closeness(clauses, f.ask()),
                    meaning.closeness(clauses, told(f)) + hearing.margins().told());
            Set<String> kinds = kinds(f);
            boolean same = asked.stream().anyMatch(kinds::contains);
            double needed = threshold + knows + (same ? hearing.margins().sameKind()
                    : asked.isEmpty() ? 0 : hearing.margins().otherKind());
            double score;
            if (pattern && !doubts) {
                score = 1 + closeness;
            } else if (pattern) {
                // "您知道我们短信订购的确认规则是怎么设计的吗" names the texts' topic and asks what no caller knows:
                // the fact must be close in meaning too.
                score = closeness >= needed ? 1 + closeness : Double.NEGATIVE_INFINITY;
            } else {
                score = closeness >= needed ? closeness : Double.NEGATIVE_INFINITY;
            }
            if (score > bestScore) {
                bestScore = score;
                best = f;
            }
        }
        return bestScore == Double.NEGATIVE_INFINITY ? null : best;
    }

    /**
     * The fact a question about the customer's own story or wishes is plainly about, though not close enough by
     * itself: the closest fact, when it is above the floor and well ahead of every other.
     */
    private Fact leading(Scenario scenario, double floor, String unit) {
        Fact best = null;
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        List<String> clauses = List.of(unit);
        for (Fact f : scenario.facts()) {
            double c = meaning.closeness(clauses, f.ask());
            if (c > first) {
                second = first;
                first = c;
                best = f;
            } else if (c > second) {
                second = c;
            }
        }
        return first >= floor && first - second >= hearing.margins().lead() ? best : null;
    }

    /**
     * True when the question asks for a thing by name that the fact, its answers and its questions never name,
     * though a pattern hit its topic: "您父亲这个号码办的是什么套餐?" is not asking for the number.
     */
    private boolean asksOtherThing(String unit, Fact f) {
        return hearing.thingsAsked(unit).stream().anyMatch(thing -> !f.fact().contains(thing)
                && f.answer().stream().noneMatch(a -> a.contains(thing))
                && f.ask().stream().noneMatch(a -> a.contains(thing)));
    }

    private List<String> told(Fact fact) {
        return toldTexts.get(fact, Fact::told);
    }

    /** The kinds of question the fact's examples ask. */
    Set<String> kinds(Fact fact) {
        return factKinds.get(fact, f -> {
            Set<String> out = new LinkedHashSet<>();
            f.ask().forEach(q -> out.addAll(hearing.kindsOf(TextNormalizer.normalize(q))));
            return Set.copyOf(out);
        });
    }

    /** The clauses of a normalised line, each marked when a question mark ended it and given its sentence. */
    static List<Piece> pieces(String normalised) {
        List<Piece> out = new ArrayList<>();
        int sentenceStart = 0;
        StringBuilder current = new StringBuilder();
        boolean mark = false;
        for (int i = 0; i <= normalised.length(); i++) {
            char c = i < normalised.length() ? normalised.charAt(i) : '。';
            if (BOUNDARIES.indexOf(c) < 0) {
                current.append(c);
                continue;
            }
            mark |= c == '?';
            if (!current.toString().isBlank()) {
                out.add(new Piece(current.toString().strip(), mark));
                current.setLength(0);
                mark = false;
            } else if (!out.isEmpty() && mark) {
                Piece last = out.remove(out.size() - 1);
                out.add(new Piece(last.text(), true));
                mark = false;
            }
            if (SENTENCE_ENDS.indexOf(c) >= 0) {
                String sentence = String.join(",", out.subList(sentenceStart, out.size()).stream()
                        .map(Piece::text).toList());
                for (int k = sentenceStart; k < out.size(); k++) {
                    out.set(k, new Piece(out.get(k).text(), out.get(k).questionMark(), sentence));
                }
                sentenceStart = out.size();
            }
        }
        return out;
    }
}
