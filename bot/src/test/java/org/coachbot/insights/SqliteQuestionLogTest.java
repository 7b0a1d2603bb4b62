package org.coachbot.insights;

import org.coachbot.roleplay.SqliteSessionStore;
import org.coachbot.store.Sqlite;
import org.coachbot.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteQuestionLogTest {
    private static final Instant START = Instant.parse("2026-11-20T02:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(START);
    private SqliteQuestionLog log;

    @AfterEach
    void close() {
        if (log != null) {
            log.close();
        }
    }

    private SqliteQuestionLog open(Duration retention) {
        log = SqliteQuestionLog.open(dir, retention, clock);
        return log;
    }

    private static AskedQuestion asked(String text, AnswerKind kind, Instant at, String... sections) {
        return new AskedQuestion(7, 70, text, kind, List.of(sections), 3, at);
    }

    @Test
    void should_read_back_a_recorded_question_with_its_sections_in_order_and_its_knowledge_version() {
        // given
        open(SqliteQuestionLog.DEFAULT_RETENTION);

        // when
        long id = log.record(new AskedQuestion(7, 70, "客户一直不说话怎么办", AnswerKind.TIP,
                List.of("silent-customer#诱导法", "silent-customer#沉默的原因"), 12, START));

        // then
        LoggedQuestion q = log.find(id).orElseThrow();
        assertEquals("客户一直不说话怎么办", q.text());
        assertEquals(AnswerKind.TIP, q.answer());
        assertEquals(List.of("silent-customer#诱导法", "silent-customer#沉默的原因"), q.sectionIds());
        assertEquals(12, q.knowledgeVersion());
        assertEquals(START, q.at());
    }

    @Test
    void should_keep_one_verdict_per_user_per_answer_the_latest_tap_winning() {
        // given
        open(SqliteQuestionLog.DEFAULT_RETENTION);
        long id = log.record(asked("客户要加我微信", AnswerKind.TIP, START, "a#b"));

        // when
        log.feedback(id, 7, true, START.plusSeconds(5));
        log.feedback(id, 7, false, START.plusSeconds(9));
        log.feedback(id, 8, false, START.plusSeconds(10));

        // then
        LoggedQuestion q = log.find(id).orElseThrow();
        assertEquals(0, q.helpful());
        assertEquals(2, q.unhelpful());
    }

    @Test
    void should_not_let_an_older_tap_replace_a_newer_verdict() {
        // given
        open(SqliteQuestionLog.DEFAULT_RETENTION);
        long id = log.record(asked("客户要加我微信", AnswerKind.TIP, START, "a#b"));
        log.feedback(id, 7, false, START.plusSeconds(9));

        // when
        log.feedback(id, 7, true, START.plusSeconds(5));

        // then
        assertEquals(1, log.find(id).orElseThrow().unhelpful());
    }

    @Test
    void should_refuse_a_verdict_on_a_question_that_does_not_exist() {
        open(SqliteQuestionLog.DEFAULT_RETENTION);

        assertThrows(StoreException.class, () -> log.feedback(999, 7, true, START));
    }

    @Test
    void should_list_declined_questions_and_tips_with_a_thumbs_down_as_gaps() {
        // given
        open(SqliteQuestionLog.DEFAULT_RETENTION);
        long uncovered = log.record(asked("客户要加我微信", AnswerKind.UNCOVERED, START));
        long offTopic = log.record(asked("今天天气怎么样", AnswerKind.OFF_TOPIC, START.plusSeconds(1)));
        long liked = log.record(asked("客户不说话", AnswerKind.TIP, START.plusSeconds(2), "a#b"));
        long disliked = log.record(asked("客户说要投诉到领导", AnswerKind.TIP, START.plusSeconds(3), "c#d"));
        log.record(asked("电话响几声接", AnswerKind.TIP, START.plusSeconds(4), "e#f"));
        log.feedback(liked, 7, true, START.plusSeconds(10));
        log.feedback(disliked, 7, false, START.plusSeconds(10));

        // when
        List<LoggedQuestion> gaps = log.gaps(START, START.plusSeconds(60));

        // then
        assertEquals(List.of(uncovered, offTopic, disliked), gaps.stream().map(LoggedQuestion::id).toList());
        assertEquals("c#d", gaps.get(2).leadSection());
    }

    @Test
    void should_delete_questions_older_than_the_retention_when_opened() {
        // given
        open(Duration.ofDays(30));
        long old = log.record(asked("老问题", AnswerKind.UNCOVERED, START.minus(Duration.ofDays(31))));
        long recent = log.record(asked("新问题", AnswerKind.UNCOVERED, START.minus(Duration.ofDays(29))));
        log.feedback(old, 7, false, START);
        log.close();

        // when
        open(Duration.ofDays(30));

        // then
        assertTrue(log.find(old).isEmpty());
        assertTrue(log.find(recent).isPresent());
    }

    @Test
    void should_prune_again_once_a_day_while_questions_are_recorded() {
        // given
        open(Duration.ofDays(30));
        long first = log.record(asked("第一个问题", AnswerKind.UNCOVERED, START));

        // when: 30 days and a bit later, a little more than a day after the last pruning
        clock.advance(Duration.ofDays(30).plusHours(2));
        log.record(asked("一个月后的问题", AnswerKind.UNCOVERED, clock.instant()));

        // then
        assertTrue(log.find(first).isEmpty());
    }

    @Test
    void should_never_reuse_the_id_of_a_pruned_question_even_after_a_restart() {
        // given
        open(Duration.ofDays(1));
        long pruned = log.record(asked("旧问题", AnswerKind.UNCOVERED, START.minus(Duration.ofDays(3))));
        assertEquals(1, log.prune());
        log.close();
        open(Duration.ofDays(1));

        // when
        long next = log.record(asked("新问题", AnswerKind.UNCOVERED, START));

        // then: a stale button of the pruned answer cannot vote on the new one
        assertNotEquals(pruned, next);
        assertTrue(next > pruned);
    }

    @Test
    void should_write_every_question_recorded_from_several_threads() throws Exception {
        // given
        open(SqliteQuestionLog.DEFAULT_RETENTION);
        List<Thread> agents = new java.util.ArrayList<>();
        java.util.Set<Long> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int t = 0; t < 4; t++) {
            int agent = t;
            agents.add(new Thread(() -> {
                for (int i = 0; i < 250; i++) {
                    ids.add(log.record(new AskedQuestion(agent, agent, "问题 " + i, AnswerKind.UNCOVERED, List.of(), 1,
                            START)));
                }
            }));
        }

        // when
        agents.forEach(Thread::start);
        for (Thread a : agents) {
            a.join();
        }

        // then
        assertEquals(1000, ids.size());
        assertEquals(1000, log.gaps(START, START.plusSeconds(1)).size());
    }

    @Test
    void should_keep_questions_still_queued_when_closed() {
        // given
        open(SqliteQuestionLog.DEFAULT_RETENTION);
        long id = log.record(asked("客户要加我微信", AnswerKind.UNCOVERED, START));

        // when
        log.close();
        open(SqliteQuestionLog.DEFAULT_RETENTION);

        // then
        assertTrue(log.find(id).isPresent());
    }

    @Test
    void should_answer_not_recorded_instead_of_failing_the_tip_when_the_log_cannot_be_written() {
        // given
        open(SqliteQuestionLog.DEFAULT_RETENTION);
        log.close();

        // when
        long id = log.record(asked("客户不说话", AnswerKind.TIP, START, "a#b"));

        // then
        assertEquals(QuestionLog.NOT_RECORDED, id);
        log = null;
    }

    @Test
    void should_keep_question_embeddings_per_model() {
        // given
        open(SqliteQuestionLog.DEFAULT_RETENTION);
        long id = log.record(asked("客户要加我微信", AnswerKind.UNCOVERED, START));

        // when
        log.saveVectors(Map.of(id, new float[]{0.6f, 0.8f}, 424242L, new float[]{1f}), "bge");

        // then
        assertArrayEquals(new float[]{0.6f, 0.8f}, log.vectors(List.of(id, 424242L), "bge").get(id));
        assertEquals(1, log.vectors(List.of(id, 424242L), "bge").size(), "no vector for a question that is gone");
        assertTrue(log.vectors(List.of(id), "other-model").isEmpty());
    }

    @Test
    void should_count_questions_per_day_in_the_team_zone_with_verdicts_sections_and_role_play() throws Exception {
        // given: 2026-11-19T16:30Z is already 2026-11-20 in Shanghai
        SqliteSessionStore.open(dir).close();
        open(SqliteQuestionLog.DEFAULT_RETENTION);
        long a = log.record(asked("客户不说话", AnswerKind.TIP, Instant.parse("2026-11-19T16:30:00Z"),
                "silent#诱导法", "silent#原因"));
        long b = log.record(asked("客户沉默", AnswerKind.TIP, Instant.parse("2026-11-20T03:00:00Z"), "silent#诱导法"));
        log.record(asked("客户要加微信", AnswerKind.UNCOVERED, Instant.parse("2026-11-20T04:00:00Z")));
        log.record(new AskedQuestion(8, 80, "天气", AnswerKind.OFF_TOPIC, List.of(), 3,
                Instant.parse("2026-11-18T04:00:00Z")));
        log.record(asked("太早的问题", AnswerKind.TIP, Instant.parse("2026-11-17T15:59:00Z"), "x#y"));
        log.feedback(a, 7, true, START);
        log.feedback(b, 7, false, START);
        log.feedback(b, 9, false, START);
        try (Connection c = Sqlite.open(dir); Statement st = c.createStatement()) {
            st.execute("INSERT INTO finished_session (user_id, chat_id, scenario_id, outcome, total, turns, hints, "
                    + "started_at, ended_at, transcript) VALUES (7, 70, 's', 'ENDED', 60, 5, 0, 0, "
                    + Instant.parse("2026-11-19T05:00:00Z").toEpochMilli() + ", '[]'), (8, 80, 's', 'ENDED', 81, 5, "
                    + "0, 0, " + Instant.parse("2026-11-20T05:00:00Z").toEpochMilli() + ", '[]'), (8, 80, 's', "
                    + "'ENDED', 90, 5, 0, 0, " + Instant.parse("2026-11-01T05:00:00Z").toEpochMilli() + ", '[]')");
        }

        // when
        Usage u = log.usage(new DateRange(LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 20), SHANGHAI), 5);

        // then
        assertEquals(List.of(new Usage.Day(LocalDate.of(2026, 11, 18), 0, 0, 1),
                new Usage.Day(LocalDate.of(2026, 11, 19), 0, 0, 0),
                new Usage.Day(LocalDate.of(2026, 11, 20), 2, 1, 0)), u.days());
        assertEquals(4, u.questions());
        assertEquals(2, u.askers());
        assertEquals(List.of(new Usage.SectionUse("silent#诱导法", 2), new Usage.SectionUse("silent#原因", 1)),
                u.sections());
        assertEquals(1, u.helpful());
        assertEquals(2, u.unhelpful());
        assertEquals(2, u.tipsWithFeedback());
        assertEquals(2, u.rolePlay().sessions());
        assertEquals(2, u.rolePlay().trainees());
        assertEquals(70.5, u.rolePlay().averageScore().orElseThrow(), 1e-9);
    }

    @Test
    void should_report_no_role_play_when_the_file_has_no_session_tables() {
        open(SqliteQuestionLog.DEFAULT_RETENTION);

        Usage u = log.usage(DateRange.lastDays(7, LocalDate.of(2026, 11, 20), SHANGHAI), 5);

        assertEquals(0, u.rolePlay().sessions());
        assertTrue(u.rolePlay().averageScore().isEmpty());
    }

    @Test
    void should_count_safety_tips_apart_and_keep_the_text_of_a_recorded_question() {
        // given
        open(SqliteQuestionLog.DEFAULT_RETENTION);
        long id = log.record(asked("客户说他不想活了", AnswerKind.SAFETY, START, "safety-calls#来电者流露轻生、自伤的念头"));
        log.record(asked("客户一直不说话", AnswerKind.TIP, START, "silent#诱导法"));

        // when
        Usage u = log.usage(DateRange.lastDays(1, LocalDate.of(2026, 11, 20), SHANGHAI), 5);

        // then
        assertEquals(1, u.safety());
        assertEquals(1, u.tips());
        assertEquals(2, u.questions());
        assertEquals(java.util.Optional.of("客户说他不想活了"), log.text(id));
        String report = new UsageReport(org.coachbot.text.Texts.of("insights")).render(u);
        assertTrue(report.contains("危险情况"), report);
    }
}
