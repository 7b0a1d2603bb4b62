package org.coachbot.roleplay;

import org.coachbot.chat.Button;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.User;
import org.coachbot.library.KnowledgeState;
import org.coachbot.retrieval.Hit;
import org.coachbot.retrieval.Retriever;
import org.coachbot.roleplay.engine.Drill;
import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.RolePlayEngine;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.TurnResult;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.testing.RecordingResponder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drills: short sessions aimed at one dimension, and role-play asked for in a group. */
class DrillTest {
    private static final User TRAINEE = new User(7, "小王", false);
    private static final long CHAT = 7;
    private static final Drill EMPATHY = Drill.of("empathy", 3);
    private final MutableClock clock =
            new MutableClock(Instant.parse("2025-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final ScenarioBook book = Fixtures.book();
    private final Retriever retriever = (query, max) -> Fixtures.knowledge().section("silent-customer#诱导法")
            .map(s -> List.of(new Hit(s, 3.0))).orElseThrow();
    private final KnowledgeState state = new KnowledgeState(Fixtures.knowledge(), retriever, book, 1, Instant.EPOCH);
    private final RecordingResponder out = new RecordingResponder();
    @TempDir
    Path dataDir;
    private SqliteSessionStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void a_drill_ends_after_its_turns_and_is_judged_on_its_dimension_only() throws Exception {
        // given
        RolePlayDesk desk = desk();
        desk.startDrill(text("/drill"), Fixtures.HOTEL, EMPATHY, out);
        String intro = out.last().html();

        // when
        desk.say(text("您好,请问有什么可以帮您?"), out);
        desk.say(text("真的非常抱歉,换作是我也会很着急。"), out);
        out.clear();
        desk.say(text("我理解您的心情,给您添麻烦了。"), out);

        // then
        String card = out.text();
        assertTrue(intro.contains("专项练习:同理心</b>(共 3 句)"), intro);
        assertTrue(card.contains("专项练习结束"), card);
        assertTrue(card.contains("专项练习评分 · 同理心"), card);
        assertTrue(card.contains("合格线 80 分"), card);
        assertFalse(card.contains("总分"), "a cut-short call has no total worth showing: " + card);
        assertFalse(desk.isActive(TRAINEE, CHAT));
        assertTrue(store.history(TRAINEE.id(), 10).isEmpty(), "drills stay out of the role-play history");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("roleplay.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT drill_dimension, drill_turns, outcome FROM finished_session")) {
            assertTrue(rs.next());
            assertEquals("empathy", rs.getString(1));
            assertEquals(3, rs.getInt(2));
            assertEquals("DRILL_DONE", rs.getString(3));
        }
    }

    @Test
    void a_drill_in_progress_survives_a_restart_with_its_turn_limit() {
        // given
        desk().startDrill(text("/drill"), Fixtures.HOTEL, Drill.of("courtesy", 2), out);
        new RolePlayDesk(() -> state, store, new ScriptedPersona(), clock,
                () -> 1L, RolePlaySettings.DEFAULTS, Meaning.NONE).say(text("您好,这里是前台。"), out);
        store.close();

        // when
        store = SqliteSessionStore.open(dataDir);
        RolePlayDesk restarted = new RolePlayDesk(() -> state, store,
                new ScriptedPersona(), clock, () -> 1L, RolePlaySettings.DEFAULTS, Meaning.NONE);
        restarted.say(text("请问您是几号房间?"), out);

        // then
        assertTrue(out.last().html().contains("专项练习评分 · 礼貌与规范用语"), out.text());
        assertFalse(restarted.isActive(TRAINEE, CHAT));
    }

    @Test
    void a_drill_does_not_replace_a_session_in_progress() {
        RolePlayDesk desk = desk();
        desk.start(text("/roleplay"), Fixtures.HOTEL, out);

        desk.startDrill(text("/drill"), Fixtures.SILENT, EMPATHY, out);

        assertTrue(out.last().html().contains("先结束它"), out.last().html());
        assertEquals(Fixtures.HOTEL, store.active(TRAINEE.id(), CHAT).orElseThrow().scenarioId());
    }

    @Test
    void the_engine_ends_a_drill_at_its_turns_before_its_own_limit() {
        RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS,
                Meaning.NONE);
        Session s = engine.startDrill(Fixtures.scenario(Fixtures.HOTEL), Drill.of("questioning", 2), 7, 7, 1L,
                clock.instant());

        TurnResult first = engine.play(Fixtures.scenario(Fixtures.HOTEL), Fixtures.rubric(), s,
                "请问是几号房间?", clock.instant());
        TurnResult second = engine.play(Fixtures.scenario(Fixtures.HOTEL), Fixtures.rubric(), first.session(),
                "请问什么时候发现没有热水的?", clock.instant());

        assertEquals(Outcome.ONGOING, first.outcome());
        assertEquals(Outcome.DRILL_DONE, second.outcome());
        assertEquals("questioning", second.session().drill().dimension());
    }

    @Test
    void a_drill_needs_two_to_four_turns_and_a_dimension() {
        assertThrows(IllegalArgumentException.class, () -> Drill.of("empathy", 1));
        assertThrows(IllegalArgumentException.class, () -> Drill.of("empathy", 5));
        assertThrows(IllegalArgumentException.class, () -> new Drill("", 3));
        assertFalse(Drill.NONE.active());
    }

    @Test
    void roleplay_in_a_group_answers_with_links_that_open_the_private_chat_into_the_scenario() {
        RolePlayDesk desk = desk();
        Incoming.Where group = Incoming.Where.group(true, null);

        desk.start(Incoming.text(TRAINEE, -100, "/roleplay@CoachBot").at(group), "", out);
        List<Button> menu = out.last().buttons().stream().flatMap(List::stream).toList();
        desk.start(Incoming.text(TRAINEE, -100, "/roleplay hotel-no-hot-water").at(group), Fixtures.HOTEL, out);
        Button one = out.last().buttons().get(0).get(0);

        assertEquals(book.scenarios().size(), menu.size());
        assertTrue(menu.stream().allMatch(b -> b.kind() == Button.Kind.PRIVATE_START && b.data().startsWith("rp_")));
        assertEquals("rp_hotel-no-hot-water", one.data());
        assertTrue(out.last().html().contains("不会出现在群里"), out.last().html());
        assertTrue(store.active(TRAINEE.id(), -100).isEmpty(), "no session is played in the group");
    }

    private RolePlayDesk desk() {
        store = SqliteSessionStore.open(dataDir);
        return new RolePlayDesk(() -> state, store, new ScriptedPersona(), clock,
                () -> 1234L, RolePlaySettings.DEFAULTS, Meaning.NONE);
    }

    private static Incoming text(String text) {
        return Incoming.text(TRAINEE, CHAT, text);
    }
}
