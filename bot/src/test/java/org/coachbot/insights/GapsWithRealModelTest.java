package org.coachbot.insights;

import org.coachbot.chat.Incoming;
import org.coachbot.chat.User;
import org.coachbot.retrieval.RetrievalIndex;
import org.coachbot.testing.RecordingResponder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /gaps} with the in-process embedding model the bot loads, on wordings no test helped choose the threshold. */
class GapsWithRealModelTest {
    private static final Instant NOW = Instant.parse("2026-11-30T04:00:00Z");

    @TempDir
    Path dir;

    @Test
    void should_group_differently_worded_questions_about_one_need_and_keep_other_needs_apart() {
        // given
        TestClock clock = new TestClock(NOW);
        try (SqliteQuestionLog log = SqliteQuestionLog.open(dir, SqliteQuestionLog.DEFAULT_RETENTION, clock)) {
            List<String> asked = List.of("客户要加我微信怎么办", "顾客非要加我的微信", "客戶一直要我的微信號",
                    "customer 要加我 wechat", "客户骂人骂得很难听,我能挂电话吗", "被客户辱骂可以直接挂断吗",
                    "客户发票开错了要重开", "发票抬头写错了怎么办");
            for (int i = 0; i < asked.size(); i++) {
                log.record(new AskedQuestion(7, 7, asked.get(i), AnswerKind.UNCOVERED, List.of(), 1,
                        NOW.minus(Duration.ofHours(i + 1))));
            }
            InsightsDesk desk = new InsightsDesk(log, RetrievalIndex.defaultEmbeddingModel(), new MeaningGroups(),
                    clock, ZoneId.of("Asia/Shanghai"));
            RecordingResponder out = new RecordingResponder();

            // when
            desk.gaps(Incoming.text(new User(1, "trainer", true), 1, "/gaps"), "", out);

            // then
            String report = out.last().html();
            List<String> lines = report.lines().filter(l -> l.matches("\\d\\. .*")).toList();
            assertTrue(report.contains("8 个,3 组"), report);
            assertTrue(lines.get(0).contains("微信") && lines.get(0).endsWith(" ×4"), report);
            assertTrue(lines.get(1).endsWith(" ×2") && lines.get(2).endsWith(" ×2"), report);
            assertTrue(String.join("", lines.subList(1, 3)).contains("发票"), report);
            assertTrue(String.join("", lines.subList(1, 3)).contains("挂"), report);
        }
    }
}
