package org.coachbot.bench;

import org.coachbot.knowledge.KnowledgeFormatException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReactionFitTest {

    @Test
    void should_read_setup_lines_and_the_reactions_that_fit() {
        String tsv = """
                scenario\tsetup\tline\texpect
                # a comment

                hotel-no-hot-water\t-\t请问您住几号房间?\tfact:room
                hotel-no-hot-water\t您好。 || 非常抱歉。\t工程部几点修好?\tdont_know|pushback
                """;

        List<ReactionFit.Row> rows = ReactionFit.parse("lines-x.tsv", tsv);

        assertEquals(2, rows.size());
        assertEquals(List.of(), rows.get(0).setup());
        assertEquals(Set.of("fact:room"), rows.get(0).expect());
        assertEquals(List.of("您好。", "非常抱歉。"), rows.get(1).setup());
        assertEquals(Set.of("dont_know", "pushback"), rows.get(1).expect());
        assertEquals("lines-x.tsv:5", rows.get(1).source());
    }

    @Test
    void should_name_file_and_line_of_an_unknown_reaction() {
        KnowledgeFormatException e = assertThrows(KnowledgeFormatException.class, () -> ReactionFit.parse(
                "lines-x.tsv", "scenario\tsetup\tline\texpect\nhotel-no-hot-water\t-\t您好\tthanks\n"));

        assertEquals("lines-x.tsv", e.file());
        assertEquals(2, e.line());
    }
}
