package org.coachbot.team;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TeamExportTest {

    @Test
    void a_cell_with_a_comma_quote_or_line_break_is_quoted_and_its_quotes_doubled() {
        assertEquals("\"王,小明\"", TeamExport.cell("王,小明"));
        assertEquals("\"说\"\"好的\"\"\"", TeamExport.cell("说\"好的\""));
        assertEquals("\"一\n二\"", TeamExport.cell("一\n二"));
        assertEquals("酒店客人洗澡没有热水", TeamExport.cell("酒店客人洗澡没有热水"));
    }

    @Test
    void a_name_that_starts_like_a_formula_is_kept_as_text_but_a_negative_number_is_not_touched() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", TeamExport.cell("=HYPERLINK(\"x\")"));
        assertEquals("'@admin", TeamExport.cell("@admin"));
        assertEquals("'+86 138", TeamExport.cell("+86 138"));
        assertEquals("-1001", TeamExport.cell("-1001"));
    }
}
