package org.coachbot.roleplay;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeFormatException;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.engine.MoveDetector;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.RolePlayEngine;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.TurnResult;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Polarity;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.roleplay.scoring.Scorer;
import org.coachbot.roleplay.scoring.ScorerTest;
import org.coachbot.tips.TipService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks the real content in {@code ../knowledge} (the folder the bot ships with; override with
 * {@code -Dcoachbot.knowledge=<dir>}): every scenario and the rubric load, every section id resolves, the
 * rubric's detectors recognise the schema's example phrases and stay quiet on polite lines. Skipped while the
 * folder has no rubric yet.
 */
class RealContentTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private static KnowledgeBase knowledge;
    private static ScenarioBook book;

    @BeforeAll
    static void load() {
        Path dir = Path.of(System.getProperty("coachbot.knowledge", "../knowledge"));
        assumeTrue(Files.isRegularFile(dir.resolve("rubric.yaml")), "no rubric.yaml in " + dir.toAbsolutePath());
        knowledge = new KnowledgeLoader().load(dir);
        book = ScenarioBook.load(dir, knowledge);
    }

    @Test
    void every_scenario_and_the_rubric_load_and_every_section_resolves() {
        String problems = book.problems().stream().map(KnowledgeFormatException::getMessage)
                .collect(Collectors.joining("\n"));
        assertEquals("", problems);
        assertTrue(book.rubric().isPresent());
        assertFalse(book.scenarios().isEmpty(), "no scenario in scenarios/");
    }

    @Test
    void the_topics_offered_when_a_question_is_declined_exist() {
        for (String id : TipService.suggestedSectionIds()) {
            assertTrue(knowledge.section(id).isPresent(), "tips.properties offtopic.suggested names " + id
                    + ", which is not a section of the knowledge base");
        }
    }

    @Test
    void every_scenario_has_a_fact_sheet_a_remedy_and_sections_it_trains_and_answers_what_inflames() {
        for (Scenario s : book.scenarios()) {
            assertTrue(s.facts().size() >= 3, s.id() + ": fewer than three facts");
            assertFalse(s.remedy().isEmpty(), s.id() + ": no remedy beat");
            assertFalse(s.trains().isEmpty(), s.id() + ": trains no knowledge section");
            for (MoveKind inflaming : s.inflames().keySet()) {
                assertFalse(s.lines().reaction(inflaming).isEmpty(),
                        s.id() + ": inflames " + inflaming.key() + " but has no reactions for it");
            }
        }
    }

    @Test
    void no_briefing_gives_away_what_the_customer_does_not_say() {
        for (Scenario s : book.scenarios()) {
            String hidden = s.hidden().replaceAll("[,。;、\\s]", "");
            String briefing = s.briefing().replaceAll("[,。;、\\s]", "");
            for (int i = 0; i + 8 <= hidden.length(); i++) {
                String piece = hidden.substring(i, i + 8);
                assertFalse(briefing.contains(piece), s.id() + ": the briefing tells the hidden worry (" + piece + ")");
            }
        }
    }

    @Test
    void rubric_recognises_the_schema_example_phrases() {
        MoveDetector detector = new MoveDetector(book.rubric().orElseThrow(), Meaning.NONE);
        Map<String, MoveKind> examples = Map.ofEntries(
                Map.entry("您好", MoveKind.GREETING),
                Map.entry("您好,这里是客服中心,我是小李。", MoveKind.SELF_INTRO),
                Map.entry("非常抱歉,给您添麻烦了。", MoveKind.APOLOGY),
                Map.entry("换作是我也会着急的。", MoveKind.EMPATHY),
                Map.entry("请问您的订单号是多少?", MoveKind.GOOD_QUESTION),
                Map.entry("您能具体说说当时是什么情况吗?", MoveKind.OPEN_QUESTION),
                Map.entry("我马上为您换一间房。", MoveKind.SOLUTION),
                Map.entry("我负责跟进,十分钟内给您回电。", MoveKind.PROMISE),
                Map.entry("请问还有什么可以帮您的吗?", MoveKind.CLOSING),
                Map.entry("谢谢您的耐心。", MoveKind.THANKS),
                Map.entry("喂,你有什么事?", MoveKind.RUDE_OPENING),
                Map.entry("这个我们没办法。", MoveKind.NEGATIVE_LANGUAGE),
                Map.entry("这不归我管,你找别人去。", MoveKind.BLAME_OTHER),
                Map.entry("是你自己搞错了。", MoveKind.ACCUSING),
                Map.entry("你必须明天再来。", MoveKind.COMMANDING),
                Map.entry("随便你,爱投诉就投诉。", MoveKind.DISMISSIVE));
        StringBuilder missed = new StringBuilder();
        examples.forEach((line, kind) -> {
            Set<MoveKind> found = EnumSet.noneOf(MoveKind.class);
            detector.detect(line, 1).forEach(m -> found.add(m.kind()));
            if (!found.contains(kind)) {
                missed.append(line).append(" -> expected ").append(kind.key()).append(", got ").append(found)
                        .append('\n');
            }
        });
        assertEquals("", missed.toString());
    }

    @Test
    void polite_lines_trigger_no_bad_detector() {
        MoveDetector detector = new MoveDetector(book.rubric().orElseThrow(), Meaning.NONE);
        List<String> polite = List.of("您好,非常抱歉让您久等了。", "这个要求一点都不过分,我马上为您安排。",
                "我不能让您白跑一趟,我马上安排师傅上门。", "您看这样行不行?我先为您换一间房。",
                "您别着急,请问是几号房间?", "我理解您的心情,这件事我来负责。", "感谢您的理解,十分钟内给您回电。",
                "您说得对,是我们没有做好。", "我们一起核对一下,看看哪里出了问题。");
        String fired = polite.stream()
                .flatMap(line -> detector.detect(line, 1).stream().filter(m -> m.polarity() == Polarity.BAD))
                .map(m -> m.quote() + " -> " + m.detector()).collect(Collectors.joining("\n"));
        assertEquals("", fired);
    }

    @Test
    void excellent_trainee_outscores_a_harmful_one_by_forty_points_on_the_hotel_scenario() {
        Scenario hotel = book.scenario("hotel-no-hot-water").orElse(null);
        assumeTrue(hotel != null, "no hotel-no-hot-water scenario");
        int excellent = play(hotel, ScorerTest.EXCELLENT);
        int harmful = play(hotel, ScorerTest.HARMFUL);
        assertTrue(excellent - harmful >= 40, "excellent " + excellent + " vs harmful " + harmful);
    }

    private static int play(Scenario scenario, List<String> lines) {
        Rubric rubric = book.rubric().orElseThrow();
        RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS, Meaning.NONE);
        Session s = engine.start(scenario, 1, 1, 3, NOW);
        Outcome outcome = Outcome.ENDED;
        for (String line : lines) {
            TurnResult r = engine.play(scenario, rubric, s, line, NOW);
            s = r.session();
            if (r.outcome().finished()) {
                outcome = r.outcome();
                break;
            }
        }
        return new Scorer().score(rubric, scenario, s, outcome).total();
    }
}
