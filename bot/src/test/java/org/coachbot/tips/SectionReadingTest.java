package org.coachbot.tips;

import org.coachbot.knowledge.Section;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SectionReadingTest {
    private static List<SectionReading.ListUnit> lists(String body) {
        return new SectionReading(new Section(Section.idOf("f.md", "小节"), "f.md", "文件", "小节", body, List.of(),
                "000.txt", 1)).lists();
    }

    @Test
    void should_read_a_list_after_baokuo_with_its_last_item_joined_by_he() {
        List<SectionReading.ListUnit> lists = lists("见面礼仪包括握手礼、鞠躬礼和致意。拜访前先和对方约好。");
        assertEquals(1, lists.size(), lists.toString());
        assertEquals(List.of("握手礼", "鞠躬礼", "致意"), lists.get(0).items());
    }

    @Test
    void should_read_a_list_after_shi() {
        List<SectionReading.ListUnit> lists = lists("服务中常用的四种姿势依次是站姿、走姿、坐姿和蹲姿。站立时身形正直。");
        assertEquals(List.of("站姿", "走姿", "坐姿", "蹲姿"), lists.get(0).items());
    }

    @Test
    void should_keep_a_remark_in_brackets_inside_its_item() {
        List<SectionReading.ListUnit> lists = lists("图里列有这些环节:员工满意度、服务能力、顾客价值(顾客价值等式)、顾客满意度、利润增长。");
        assertEquals(5, lists.get(0).items().size(), lists.toString());
        assertEquals("顾客价值(顾客价值等式)", lists.get(0).items().get(2));
    }

    @Test
    void should_not_take_a_sentence_with_a_long_clause_for_a_list() {
        assertTrue(lists("最先要做到的是第1条:先用热情、尊重和关注的态度接住客户,再去解决问题。").isEmpty());
    }
}
