package org.coachbot.bench;


import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.engine.RolePlayEngine;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.TurnResult;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.Fact;
import org.coachbot.roleplay.scenario.RemedyBeat;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Whether the scripted customer behaves like a caller: it never repeats itself, answers questions about its fact
 * sheet with the fact, is not won over in one turn by a line stuffed with the right words, and lets an excellent
 * trainee resolve the call in a handful of turns.
 */
public final class Realism {
    private static final Instant START = Instant.parse("2026-01-01T09:00:00Z");

    private Realism() {
    }

    /** A question an agent asks about one fact of a scenario's fact sheet. */
    public record FactQuestion(String scenario, String fact, String question) {
    }

    /** A fact question and the customer's answer. */
    public record Answer(FactQuestion question, String reply, boolean withFact) {
    }

    /**
     * Customer lines said again within the session they were said in, over {@code sessions} random calls per
     * scenario of {@code turns} trainee lines drawn from {@code trainee}; returns {repeated, total}.
     */
    public static int[] repeats(ScenarioBook book, Meaning meaning, List<String> trainee, int sessions, int turns,
                                long seed) {
        Rubric rubric = book.rubric().orElseThrow();
        RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), turns + 1, meaning);
        Random random = new Random(seed);
        int repeated = 0;
        int total = 0;
        for (Scenario s : book.scenarios()) {
            for (int i = 0; i < sessions; i++) {
                Session session = engine.start(s, 1, 1, random.nextLong(), START);
                for (int t = 0; t < turns; t++) {
                    TurnResult r = engine.play(s, rubric, session, trainee.get(random.nextInt(trainee.size())),
                            START);
                    session = r.session();
                    if (r.outcome().finished()) {
                        break;
                    }
                }
                int[] counts = repeats(session);
                repeated += counts[0];
                total += counts[1];
            }
        }
        return new int[]{repeated, total};
    }

    /** {repeated, total} customer lines of one session. */
    public static int[] repeats(Session session) {
        List<String> lines = session.customerLines();
        return new int[]{lines.size() - new HashSet<>(lines).size(), lines.size()};
    }

    /** Asks each question as the trainee's first line and checks that the reply answers with that fact. */
    public static List<Answer> factAnswers(ScenarioBook book, Meaning meaning, List<FactQuestion> questions) {
        Rubric rubric = book.rubric().orElseThrow();
        RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS, meaning);
        List<Answer> out = new ArrayList<>();
        for (FactQuestion q : questions) {
            Scenario s = book.scenario(q.scenario()).orElseThrow(
                    () -> new IllegalArgumentException("no scenario " + q.scenario()));
            Fact fact = s.facts().stream().filter(f -> f.id().equals(q.fact())).findFirst().orElseThrow(
                    () -> new IllegalArgumentException(q.scenario() + " has no fact " + q.fact()));
            Session session = engine.start(s, 1, 1, q.question().hashCode(), START);
            TurnResult r = engine.play(s, rubric, session, q.question(), START);
            // The reply must be meant as this fact's answer and say one of its answers.
            boolean withFact = r.reaction().facts().contains(fact.id())
                    && fact.answer().stream().anyMatch(r.customerLine()::contains);
            out.add(new Answer(q, r.customerLine(), withFact));
        }
        return out;
    }

    /**
     * A first line that crams every right word of the scenario into one paragraph: greeting, apology, empathy,
     * every remedy example and a promise. A real customer is not won over by it in one turn.
     */
    public static String stuffed(Scenario s, Rubric rubric) {
        StringBuilder line = new StringBuilder("您好,我是客服小李,非常抱歉,我非常理解您的心情,换作是我也会着急。");
        for (RemedyBeat b : s.remedy()) {
            b.examples().forEach(e -> line.append(e).append(','));
        }
        return line.append("我负责跟进到底,十分钟内给您回电,请问还有什么可以帮您?").toString();
    }

    /** Scenarios whose customer was satisfied, or whose call succeeded, after the stuffed first line. */
    public static List<String> oneTurnWins(ScenarioBook book, Meaning meaning) {
        Rubric rubric = book.rubric().orElseThrow();
        RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS, meaning);
        List<String> out = new ArrayList<>();
        for (Scenario s : book.scenarios()) {
            Session session = engine.start(s, 1, 1, 7, START);
            TurnResult r = engine.play(s, rubric, session, stuffed(s, rubric), START);
            if (r.session().call().satisfied() || r.outcome().finished()) {
                out.add(s.id());
            }
        }
        return out;
    }

    /** Reads {@code scenario<TAB>fact<TAB>question} rows; the first row is a header. */
    public static List<FactQuestion> readFactQuestions(String resource) {
        List<FactQuestion> out = new ArrayList<>();
        try (InputStream in = Realism.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fact questions on the classpath: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                String[] cols = row.split("\t");
                if (cols.length == 3) {
                    out.add(new FactQuestion(cols[0].strip(), cols[1].strip(), cols[2].strip()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Distinct scenario ids a set of questions covers. */
    static Set<String> scenarios(List<FactQuestion> questions) {
        Set<String> out = new HashSet<>();
        questions.forEach(q -> out.add(q.scenario()));
        return out;
    }
}
