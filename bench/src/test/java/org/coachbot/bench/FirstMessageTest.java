package org.coachbot.bench;

import org.coachbot.knowledge.Section;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstMessageTest {
    private static final Section ANGRY = new Section("c#安抚愤怒的客户", "c.md", "投诉", "安抚愤怒的客户",
            "愤怒的客户需要一个发泄的渠道。\n\n【编者补充】先让他把话说完:\"真的很抱歉给您带来这么大的麻烦。\"",
            List.of(), "", 1);

    @Test
    void should_count_a_message_that_quotes_a_sentence_of_an_expected_section_within_the_limit() {
        String message = "安抚愤怒的客户\n可以这样说:「真的很抱歉给您带来这么大的麻烦。」\n来源:投诉 › 安抚愤怒的客户";

        assertEquals(Optional.of("真的很抱歉给您带来这么大的麻烦"), FirstMessage.quoted(message, List.of(ANGRY), 300));
    }

    @Test
    void should_not_count_a_message_over_the_limit_or_one_that_only_shares_the_title_and_a_few_words() {
        String onlyTitle = "安抚愤怒的客户\n客户需要发泄。\n来源:投诉 › 安抚愤怒的客户";
        String tooLong = "愤怒的客户需要一个发泄的渠道" + "。".repeat(300);

        assertTrue(FirstMessage.quoted(onlyTitle, List.of(ANGRY), 300).isEmpty());
        assertTrue(FirstMessage.quoted(tooLong, List.of(ANGRY), 300).isEmpty());
    }
}
