package org.coachbot.tips;

import org.coachbot.knowledge.Section;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AskedNumberTest {
    private static Section section(String body) {
        return new Section(Section.idOf("f.md", "小节"), "f.md", "文件", "小节", body, List.of(), "000.txt", 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "电话响几声之内要接起来 | 铃声响三声之内就要接起。 | false",
            "最多让客户等多久 | 最多只能让来电者稍候7秒钟。 | false",
            "平均通话要控制在几分钟 | 最多只能让来电者稍候7秒钟。 | true",
            "退款几个工作日到账 | 先道歉,再给一个你能做到的时间。 | true",
            "沉默型客户占多少比例 | 对待沉默型客户,不妨采用沉默对沉默的方式。 | true",
            "赔偿上限是多少 | 不能擅自答应赔偿。 | true",
            "一周要回访几次 | 每月回访两次。 | false"})
    void should_want_a_number_of_the_kind_asked(String question, String body, boolean unanswered) {
        assertEquals(unanswered, AskedNumber.unanswered(question, List.of(section(body))), question);
    }

    @ParameterizedTest
    @ValueSource(strings = {"客户等了几天了还没收到货", "这几天客户一直打来", "客户为了几块钱跟我磨了半小时",
            "服务质量有几个维度", "客户一直不说话怎么办"})
    void should_not_take_a_description_or_a_list_for_a_number_asked(String question) {
        assertTrue(AskedNumber.held(question).isEmpty(), question);
        assertFalse(AskedNumber.unanswered(question, List.of(section("没有数字。"))), question);
    }
}
