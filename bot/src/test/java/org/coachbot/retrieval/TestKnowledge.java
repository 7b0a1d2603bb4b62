package org.coachbot.retrieval;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.knowledge.Section;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small knowledge files written the way the curators write them. */
final class TestKnowledge {
    static final String SILENT = """
            ---
            title: 沉默型客户的应对
            tags: [沉默, 不说话, 冷场, 不回应, 不吭声]
            source: 000.txt
            ---
            # 沉默型客户的应对

            ## 诱导法
            <!-- tags: 引导, 开放式提问 -->
            客户一直沉默时,先用开放式问题引导客户开口,例如:"您好,请问您今天主要想了解哪方面的情况?"

            ## 沉默对沉默
            客户故意不回应时,可以停顿两三秒,让客户感到需要开口,再轻声确认:"您还在听吗?"
            """;
    static final String PHONE = """
            ---
            title: 接听电话的礼仪
            tags: [接电话, 电话响, 响铃, 接听]
            source: 001.txt
            ---
            # 接听电话的礼仪

            ## 响铃三声内接听
            电话铃响三声之内必须接起,超过三声要先致歉:"让您久等了。"

            ## 挂电话的顺序
            <!-- tags: 挂机, 挂断, 结束通话 -->
            通话结束时等客户先挂断,再轻轻放下话筒。
            """;
    static final String COMPLAINT = """
            ---
            title: 投诉处理
            tags: [投诉, 生气, 发火, 骂人, 情绪激动]
            source: 002.txt
            ---
            # 投诉处理

            ## 先处理情绪再处理问题
            客户生气骂人时不要争辩,先倾听、道歉,表示理解,再说明解决办法和时间。
            """;

    private TestKnowledge() {
    }

    /** The three files above, parsed by the real loader. */
    static KnowledgeBase base() {
        return base(SILENT, PHONE, COMPLAINT);
    }

    /** The given silent-customer, phone-etiquette and complaints files, in that order. */
    static KnowledgeBase base(String silent, String phone, String complaint) {
        List<Section> sections = new ArrayList<>();
        sections.addAll(parse("silent-customer.md", silent));
        sections.addAll(parse("phone-etiquette.md", phone));
        sections.addAll(parse("complaints.md", complaint));
        return new KnowledgeBase(sections, List.of());
    }

    private static List<Section> parse(String name, String text) {
        return new KnowledgeLoader().parse(name, text.getBytes(StandardCharsets.UTF_8));
    }
}
