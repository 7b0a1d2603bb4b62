package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.Fixtures;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Polarity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoveDetectorTest {
    private final MoveDetector detector = new MoveDetector(Fixtures.rubric(), Meaning.NONE);

    static Stream<Arguments> lines_and_their_moves() {
        return Stream.of(
                Arguments.of("您好,这里是前台,我是小李。", Set.of(MoveKind.GREETING, MoveKind.SELF_INTRO)),
                Arguments.of("非常抱歉给您添麻烦了。", Set.of(MoveKind.APOLOGY)),
                Arguments.of("换作是我也会着急的。", Set.of(MoveKind.EMPATHY)),
                Arguments.of("请问您是几号房间?", Set.of(MoveKind.GOOD_QUESTION)),
                Arguments.of("您能具体说说当时的情况吗?", Set.of(MoveKind.OPEN_QUESTION, MoveKind.GOOD_QUESTION)),
                Arguments.of("您是哪个房间?", Set.of(MoveKind.GOOD_QUESTION)),
                Arguments.of("您跟我说一遍试试,先按哪个键?", Set.of(MoveKind.GOOD_QUESTION)),
                Arguments.of("第一步,拨客服电话;第二步,按1。", Set.of(MoveKind.SOLUTION)),
                Arguments.of("您慢慢说,我听着呢。", Set.of(MoveKind.OPEN_QUESTION)),
                Arguments.of("安装这块我来帮您联系,不用您再去找别人。", Set.of(MoveKind.SOLUTION)),
                Arguments.of("规定就是这样。", Set.of(MoveKind.DISMISSIVE)),
                Arguments.of("尽量吧。", Set.of(MoveKind.DISMISSIVE)),
                Arguments.of("吵死了,跟我喊也没用。", Set.of(MoveKind.DISMISSIVE)),
                Arguments.of("我又没让你请假,这个我们不负责。", Set.of(MoveKind.ACCUSING, MoveKind.BLAME_OTHER)),
                Arguments.of("是你自己回短信订的,怪谁?", Set.of(MoveKind.ACCUSING)),
                Arguments.of("我马上为您换一间有热水的房间。", Set.of(MoveKind.SOLUTION)),
                Arguments.of("我负责跟进,十分钟内给您回电。", Set.of(MoveKind.PROMISE)),
                Arguments.of("请问还有什么需要帮忙的吗?",
                        Set.of(MoveKind.GOOD_QUESTION, MoveKind.OPEN_QUESTION, MoveKind.CLOSING)),
                Arguments.of("谢谢您的耐心。", Set.of(MoveKind.THANKS)),
                Arguments.of("喂,你有什么事?", Set.of(MoveKind.RUDE_OPENING)),
                Arguments.of("这个我们没办法。", Set.of(MoveKind.NEGATIVE_LANGUAGE)),
                Arguments.of("热水不归我管,你找工程部去。", Set.of(MoveKind.BLAME_OTHER)),
                Arguments.of("那是工程部的事。", Set.of(MoveKind.BLAME_OTHER)),
                Arguments.of("是你自己没开对龙头。", Set.of(MoveKind.ACCUSING)),
                Arguments.of("你必须等到明天。", Set.of(MoveKind.COMMANDING)),
                Arguments.of("随便你,爱投诉就投诉。", Set.of(MoveKind.DISMISSIVE)),
                Arguments.of("听清楚,明天再打。", Set.of(MoveKind.COMMANDING)),
                Arguments.of("你马上去柜台。", Set.of(MoveKind.COMMANDING)),
                Arguments.of("就这样吧,挂了。", Set.of(MoveKind.DISMISSIVE)),
                Arguments.of("这个不行。", Set.of(MoveKind.NEGATIVE_LANGUAGE)),
                Arguments.of("上周没人回您电话,这个对不住。", Set.of(MoveKind.APOLOGY)),
                Arguments.of("多扣了钱,搁谁都来气。", Set.of(MoveKind.EMPATHY)),
                Arguments.of("洗的时候正常,一到甩干就晃,对吗?", Set.of(MoveKind.GOOD_QUESTION)),
                Arguments.of("这两处都算质量问题,不用您再证明什么。", Set.of(MoveKind.SOLUTION)),
                Arguments.of("您选哪个,我现在就办。", Set.of(MoveKind.SOLUTION)),
                Arguments.of("有事打热线报我工号3390。", Set.of(MoveKind.PROMISE, MoveKind.SELF_INTRO)),
                Arguments.of("我刚才不是说了吗,YE!", Set.of(MoveKind.ACCUSING)),
                Arguments.of("没别的事我先挂了。", Set.of(MoveKind.DISMISSIVE)),
                Arguments.of("微信不能加,公司规定。", Set.of(MoveKind.DISMISSIVE)),
                Arguments.of("您要住就先把今晚的办了,明天的再说。", Set.of(MoveKind.SOLUTION, MoveKind.DISMISSIVE)));
    }

    @ParameterizedTest
    @MethodSource("lines_and_their_moves")
    void detects_the_moves_of_a_line(String line, Set<MoveKind> expected) {
        assertEquals(expected, kinds(detector.detect(line, 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "您好,非常抱歉让您久等了。",
            "这个要求一点都不过分,我马上为您安排。",
            "我不能让您白跑一趟,我马上安排师傅上门。",
            "您看这样行不行?我先为您换一间房。",
            "您别着急,请问是几号房间?",
            "我理解您的心情,这件事我来负责。",
            "感谢您的理解,十分钟内给您回电。",
            "喂?大爷,您好!这里是通信公司客服。",
            "不好意思,我没听清楚,您再说一遍好吗?",
            "我不会挂电话的,您慢慢试。",
            "我不知道您已经试了这么多次,辛苦您了。",
            "您不需要再找别人了,这件事我负责到底。",
            "老人家就别专门跑营业厅了,我给您开通短信提醒。",
            "为了不误机,您现在马上去机场柜台买普通客票。",
            "实在不行,我也可以给您免费改签到明早第一班。",
            "好的,那就这样吧,祝您身体健康,再见!",
            "您慢慢说,不着急,我在这儿听着。",
            "支付的事我不会就这么放下,明天上午十一点前给您回电话。"})
    void polite_lines_trigger_no_bad_detector(String line) {
        List<DetectedMove> moves = detector.detect(line, 1);
        assertTrue(moves.stream().noneMatch(m -> m.polarity() == Polarity.BAD), () -> line + " -> " + moves);
    }

    @ParameterizedTest
    @ValueSource(strings = {"對不起,給您添麻煩了。", "非常抱歉，我馬上為您換一間。", "ＯＫ，非常抱歉！"})
    void traditional_characters_and_full_width_punctuation_are_normalised(String line) {
        assertTrue(kinds(detector.detect(line, 1)).contains(MoveKind.APOLOGY), line);
    }

    @Test
    void greeting_only_counts_in_the_first_line() {
        assertEquals(Set.of(MoveKind.GREETING), kinds(detector.detect("您好", 1)));
        assertEquals(Set.of(), kinds(detector.detect("您好", 2)));
    }

    @Test
    void detected_move_quotes_the_trainee_line_and_names_detector_and_dimension() {
        DetectedMove move = detector.detect("  这个我们没办法。 ", 3).get(0);
        assertEquals(new DetectedMove(MoveKind.NEGATIVE_LANGUAGE, Polarity.BAD, "negative_cannot",
                "positive_language", "这个我们没办法。", 3), move);
    }

    private static Set<MoveKind> kinds(List<DetectedMove> moves) {
        return moves.stream().map(DetectedMove::kind).collect(Collectors.toSet());
    }
}
