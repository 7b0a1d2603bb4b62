package org.coachbot.roleplay.scenario;

import org.coachbot.knowledge.KnowledgeFormatException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped tone vocabulary hears goodbyes and written-out offences; a broken one is refused with its line. */
class ToneTest {
    private final Tone tone = Tone.shipped();

    @Test
    void goodbyes_in_many_words_are_heard_and_a_question_is_not_one() {
        for (String line : new String[] {"应该的,给您添麻烦了,回头见。", "那就不打扰您了", "也谢谢您的耐心,再会。", "那您早点休息",
                "好的,那我先挂了哈。"}) {
            assertTrue(tone.goodbye(line), line);
        }
        assertFalse(tone.goodbye("请问您住几号房间?"));
    }

    @Test
    void offences_written_out_are_heard_by_kind() {
        assertEquals(Optional.of(MoveKind.DISMISSIVE), tone.marked("您跟我喊也没用啊。"));
        assertEquals(Optional.of(MoveKind.NEGATIVE_LANGUAGE), tone.marked("规定就是这样,我也改不了。"));
        assertEquals(Optional.of(MoveKind.COMMANDING), tone.marked("您声音小点,我能听见。"));
        assertEquals(Optional.empty(), tone.marked("我马上给您换一间有热水的房间。"));
    }

    @Test
    void a_move_that_is_no_offence_is_refused_naming_its_line() throws IOException {
        String text;
        try (InputStream in = ToneTest.class.getClassLoader().getResourceAsStream(Tone.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String broken = text.replace("    dismissive: [", "    apology: [");

        KnowledgeFormatException e = assertThrows(KnowledgeFormatException.class,
                () -> Tone.parse(Tone.RESOURCE, broken));

        assertEquals(ScenarioBookTest.lineOf(broken, "    apology: ["), e.line());
    }
}
