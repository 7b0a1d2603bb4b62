package org.coachbot.roleplay;

import org.coachbot.chat.Button;
import org.coachbot.chat.Html;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.User;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.library.KnowledgeState;
import org.coachbot.retrieval.Hit;
import org.coachbot.retrieval.Retriever;
import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.Detector;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.roleplay.scoring.ScorerTest;
import org.coachbot.testing.RecordingResponder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RolePlayDeskTest {
    private static final User TRAINEE = new User(7, "小王", false);
    private static final long CHAT = 100;
    private final MutableClock clock =
            new MutableClock(Instant.parse("2025-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final KnowledgeBase knowledge = Fixtures.knowledge();
    private final ScenarioBook book = Fixtures.book();
    private final List<String> queries = new ArrayList<>();
    private final Retriever retriever = (query, max) -> {
        queries.add(query);
        return knowledge.section("silent-customer#诱导法").map(s -> List.of(new Hit(s, 3.0))).orElseThrow();
    };
    private final RecordingResponder out = new RecordingResponder();
    @TempDir
    Path dataDir;
    private SqliteSessionStore store;
    private RolePlayDesk desk;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void roleplay_without_argument_lists_the_scenarios_as_buttons_with_stars() {
        desk().start(text("/roleplay"), "", out);

        List<List<Button>> rows = out.last().buttons();
        assertEquals(book.scenarios().size(), rows.size());
        Button hotel = rows.stream().flatMap(List::stream).filter(b -> b.data().equals("rp:start:hotel-no-hot-water"))
                .findFirst().orElseThrow();
        assertEquals("★★☆ 酒店客人洗澡没有热水(愤怒型)", hotel.label());
        assertTrue(rows.stream().flatMap(List::stream).allMatch(b -> b.data().startsWith("rp:start:")));
    }

    @Test
    void starting_a_scenario_shows_the_background_and_the_customer_opening_line() {
        desk().start(text("/roleplay hotel-no-hot-water"), "hotel-no-hot-water", out);

        String html = out.last().html();
        assertTrue(html.contains("对练开始:酒店客人洗澡没有热水"), html);
        assertTrue(html.contains("今晚工程部正在检修热水管道"), html);
        assertFalse(html.contains("八点要开一个很重要的会"), "the hidden worry is for the debrief: " + html);
        assertTrue(Fixtures.scenario(Fixtures.HOTEL).lines().opening().stream().anyMatch(html::contains), html);
        assertTrue(desk.isActive(TRAINEE, CHAT));
        assertFalse(desk.isActive(TRAINEE, CHAT + 1));
    }

    @Test
    void excellent_session_ends_in_success_with_a_passing_scorecard_the_hidden_worry_and_a_radar_chart() {
        // given
        desk().start(text("/roleplay"), Fixtures.HOTEL, out);

        // when
        for (String line : ScorerTest.EXCELLENT) {
            desk.say(text(line), out);
        }

        // then
        String all = out.text();
        assertTrue(all.contains("对练成功"), all);
        assertTrue(all.matches("(?s).*总分 \\d{1,3}/100.*"), all);
        assertTrue(all.contains("• 解决问题与承诺:"), all);
        assertTrue(all.contains("做得好的地方"), all);
        assertTrue(all.contains("✅ 通过(合格线 80 分)"), all);
        assertTrue(all.contains("客户没说出口的:" + Fixtures.scenario(Fixtures.HOTEL).hidden()), all);
        assertEquals(1, out.images().size());
        assertTrue(out.images().get(0).png().length > 1000);
        assertFalse(desk.isActive(TRAINEE, CHAT));
        assertEquals(Outcome.SUCCESS, store.history(TRAINEE.id(), 5).get(0).outcome());
    }

    @Test
    void end_scores_the_session_and_quotes_the_trainee_with_the_better_phrasing_and_source() {
        desk().start(text("/roleplay"), Fixtures.HOTEL, out);
        desk.say(text("热水不归我管,你找工程部去。<b>"), out);
        out.clear();

        desk.end(text("/end"), "", out);

        String card = out.replies.get(0).html();
        Detector blame = book.rubric().orElseThrow().detectorsFor(MoveKind.BLAME_OTHER).get(0);
        String source = knowledge.section(blame.section()).orElseThrow().title();
        assertTrue(card.contains("你说:「热水不归我管,你找工程部去。&lt;b&gt;」→ 更好的说法:「"
                + Html.escape(blame.better()) + "」(知识来源:" + Html.escape(source) + ")"), card);
        assertTrue(card.contains("❌ 未通过"), card);
        assertTrue(card.contains("结果:🏁"), card);
        assertTrue(out.replies.get(1).hasImage());
    }

    @Test
    void starting_during_a_session_asks_first_and_the_switch_button_scores_the_old_one() {
        desk().start(text("/roleplay"), Fixtures.HOTEL, out);
        desk.say(text("您好,请问是几号房间?"), out);

        desk.start(text("/roleplay"), Fixtures.SILENT, out);
        Reply ask = out.last();
        assertTrue(ask.html().contains("你正在练习「酒店客人洗澡没有热水」"), ask.html());
        assertEquals("rp:switch:silent-customer", ask.buttons().get(0).get(0).data());

        out.clear();
        desk.onButton(button(ask.buttons().get(0).get(0).data()), out);
        assertTrue(out.text().contains("总分"), out.text());
        assertTrue(out.last().html().contains("对练开始:犹豫不决、话很少的客户"), out.last().html());
        assertEquals(1, store.history(TRAINEE.id(), 5).size());
    }

    @Test
    void hint_for_the_silent_customer_is_marked_as_the_coach_and_teaches_the_leading_question_method() {
        desk().start(text("/roleplay"), Fixtures.SILENT, out);
        desk.say(text("您好。"), out);

        desk.hint(text("/hint"), "", out);

        String hint = out.last().html();
        assertTrue(hint.contains("教练提示"), hint);
        assertTrue(hint.contains("开放式提问"), hint);
        assertTrue(hint.contains("您能具体说说当时的情况吗?"), hint);
        assertTrue(hint.contains("<b>诱导法</b>"), hint);
        assertTrue(queries.get(0).startsWith("沉默型"), queries.toString());
        assertEquals(1, store.active(TRAINEE.id(), CHAT).orElseThrow().hints());
    }

    @Test
    void hint_right_after_a_mistake_offers_the_better_phrasing() {
        desk().start(text("/roleplay"), Fixtures.HOTEL, out);
        desk.say(text("那是工程部的事。"), out);

        desk.hint(text("/hint"), "", out);

        String better = book.rubric().orElseThrow().detectorsFor(MoveKind.BLAME_OTHER).get(0).better();
        assertTrue(out.last().html().contains("刚才那句「那是工程部的事。」容易激怒客户,可以换成:「"
                + Html.escape(better) + "」"), out.last().html());
    }

    @Test
    void idle_session_expires_and_the_next_message_says_so_with_the_scorecard() {
        desk().start(text("/roleplay"), Fixtures.HOTEL, out);
        desk.say(text("非常抱歉。"), out);
        clock.advance(Duration.ofMinutes(31));
        out.clear();

        assertTrue(desk.isActive(TRAINEE, CHAT), "kept until the next message can explain it");
        desk.say(text("还在吗?"), out);

        assertTrue(out.replies.get(0).html().contains("超过 30 分钟没有回复"), out.text());
        assertTrue(out.text().contains("超时自动结束"), out.text());
        assertFalse(desk.isActive(TRAINEE, CHAT));
        assertEquals(Outcome.EXPIRED, store.history(TRAINEE.id(), 5).get(0).outcome());
    }

    @Test
    void restart_mid_session_continues_exactly_where_it_was() {
        // given: one uninterrupted run for reference
        List<String> lines = List.of("您好,请问是几号房间?", "非常抱歉,换作是我也会着急。", "我马上为您换一间房。",
                "我负责跟进,十分钟内给您回电。");
        List<String> reference = play(lines, -1);

        // when: the same run with the store closed and reopened after the second line
        List<String> restarted = play(lines, 2);

        // then
        assertEquals(reference, restarted);
    }

    @Test
    void a_line_handled_again_after_a_crash_is_answered_again_but_not_played_twice() {
        desk().start(text("/roleplay"), Fixtures.HOTEL, out);
        Incoming line = text("非常抱歉,我理解您的心情。").from(41);
        desk.say(line, out);
        String first = out.last().html();
        Session once = store.active(TRAINEE.id(), CHAT).orElseThrow();

        // when: the front end hands the same update over again, as after a kill -9 before it was marked handled
        desk.say(line, out);

        assertEquals(first, out.last().html());
        assertEquals(once, store.active(TRAINEE.id(), CHAT).orElseThrow());
        assertEquals(1, once.traineeTurns());
        desk.say(text("请问您住几号房间?").from(42), out);
        assertEquals(2, store.active(TRAINEE.id(), CHAT).orElseThrow().traineeTurns());
    }

    @Test
    void progress_shows_recent_sessions_averages_trend_and_a_chart() {
        desk().start(text("/roleplay"), Fixtures.HOTEL, out);
        desk.say(text("那是工程部的事。"), out);
        desk.end(text("/end"), "", out);
        desk.start(text("/roleplay"), Fixtures.HOTEL, out);
        desk.say(text("随便你,等着吧。"), out);
        desk.end(text("/end"), "", out);
        desk.start(text("/roleplay"), Fixtures.HOTEL, out);
        for (String line : ScorerTest.EXCELLENT) {
            desk.say(text(line), out);
        }
        out.clear();

        desk.progress(text("/progress"), "", out);

        String html = out.replies.get(0).html();
        assertTrue(html.contains("我的练习记录</b>(最近 3 次)"), html);
        assertTrue(html.contains("03-01 10:00 酒店客人洗澡没有热水 ✅"), html);
        assertTrue(html.contains("各维度平均分"), html);
        assertTrue(html.contains("进步了"), html);
        assertTrue(out.replies.get(1).hasImage());
    }

    @Test
    void two_sessions_make_no_trend_and_no_trend_chart() {
        desk().start(text("/roleplay"), Fixtures.HOTEL, out);
        desk.say(text("那是工程部的事。"), out);
        desk.end(text("/end"), "", out);
        desk.start(text("/roleplay"), Fixtures.HOTEL, out);
        for (String line : ScorerTest.EXCELLENT) {
            desk.say(text(line), out);
        }
        out.clear();

        desk.progress(text("/progress"), "", out);

        String html = out.replies.get(0).html();
        assertTrue(html.contains("完成三次完整对练后"), html);
        assertFalse(html.contains("进步了"), html);
        assertEquals(1, out.replies.size());
    }

    @Test
    void progress_without_history_invites_to_practise() {
        desk().progress(text("/progress"), "", out);
        assertTrue(out.last().html().contains("还没有完成过对练"));
    }

    @Test
    void unknown_scenario_shows_the_menu_and_stale_buttons_are_answered() {
        desk().start(text("/roleplay nope"), "nope<script>", out);
        assertTrue(out.last().html().contains("没有找到场景「nope&lt;script&gt;」"), out.last().html());
        assertEquals(book.scenarios().size(), out.last().buttons().size());

        desk.onButton(button("rp:whatever"), out);
        assertTrue(out.last().html().contains("按钮已经失效"));
    }

    @Test
    void scenario_number_from_the_menu_starts_it() {
        desk().start(text("/roleplay 2"), "2", out);
        assertTrue(out.last().html().contains("对练开始:" + book.scenarios().get(1).title()), out.last().html());
    }

    @Test
    void end_before_saying_anything_cancels_without_a_score() {
        desk().start(text("/roleplay"), Fixtures.HOTEL, out);
        desk.end(text("/end"), "", out);
        assertTrue(out.last().html().contains("不计分"));
        assertTrue(store.history(TRAINEE.id(), 5).isEmpty());
    }

    /** Plays the lines; when {@code restartAfter} >= 0, closes and reopens the store and the desk after that many. */
    private List<String> play(List<String> lines, int restartAfter) {
        Path dir = dataDir.resolve("run" + restartAfter);
        store = SqliteSessionStore.open(dir);
        desk = newDesk();
        RecordingResponder replies = new RecordingResponder();
        desk.start(text("/roleplay"), Fixtures.HOTEL, replies);
        for (int i = 0; i < lines.size(); i++) {
            if (i == restartAfter) {
                store.close();
                store = SqliteSessionStore.open(dir);
                desk = newDesk();
            }
            desk.say(text(lines.get(i)), replies);
        }
        return replies.replies.stream().filter(r -> !r.hasImage()).map(Reply::html).toList();
    }

    private RolePlayDesk desk() {
        store = SqliteSessionStore.open(dataDir);
        desk = newDesk();
        return desk;
    }

    private RolePlayDesk newDesk() {
        KnowledgeState state = new KnowledgeState(knowledge, retriever, book, 1, Instant.EPOCH);
        return new RolePlayDesk(() -> state, store, new ScriptedPersona(), clock, () -> 1234L,
                RolePlaySettings.DEFAULTS, Meaning.NONE);
    }

    private static Incoming text(String text) {
        return Incoming.text(TRAINEE, CHAT, text);
    }

    private static Incoming button(String data) {
        return Incoming.button(TRAINEE, CHAT, data);
    }
}
