package org.coachbot.tips;

import org.coachbot.chat.Button;
import org.coachbot.chat.Html;
import org.coachbot.chat.Reply;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.Section;
import org.coachbot.retrieval.Hit;
import org.coachbot.text.Texts;

import java.util.ArrayList;
import java.util.List;

/**
 * What an agent reads when a question is declined: not about customer service, with examples of what to ask; or
 * outside the training material ("培训资料里没有这方面的内容"), with the nearest topics as buttons.
 */
final class Declines {
    /** Nearest topics offered when a question is declined. */
    static final int OFFERED = 3;
    private final Texts texts;

    Declines(Texts texts) {
        this.texts = texts;
    }

    /** The sections offered as buttons when a question is off-topic, in the order the texts list them. */
    List<String> suggestedSectionIds() {
        return List.of(texts.get("offtopic.suggested").split("\\|"));
    }

    Reply offTopic(KnowledgeBase kb, long id) {
        List<String> topics = new ArrayList<>();
        for (String example : texts.get("offtopic.examples").split("\\|")) {
            topics.add("• " + Html.escape(example));
        }
        List<Section> offered = new ArrayList<>();
        suggestedSectionIds().forEach(s -> kb.section(s).ifPresent(offered::add));
        return Reply.html(texts.get("offtopic", String.join("\n", topics)), offers(offered, id));
    }

    Reply uncovered(List<Hit> found, String topic, long id) {
        return uncoveredBecause(found, topic.isEmpty() ? "" : texts.get("uncovered.gap", Html.escape(topic)), id);
    }

    /** A question asking for a number the nearest sections do not give (see {@link AskedNumber}). */
    Reply numberNotGiven(List<Hit> found, long id) {
        return uncoveredBecause(found, texts.get("uncovered.number"), id);
    }

    private Reply uncoveredBecause(List<Hit> found, String why, long id) {
        List<Section> nearest = found.stream().map(Hit::section).limit(OFFERED).toList();
        return Reply.html(texts.get("uncovered", why), offers(nearest, id));
    }

    private List<List<Button>> offers(List<Section> sections, long id) {
        List<Button> buttons = sections.stream().limit(OFFERED)
                .map(s -> TipButtons.button(label(s), TipButtons.SHOW, id, List.of(s))).toList();
        return buttons.isEmpty() ? List.of() : List.of(buttons);
    }

    private static String label(Section s) {
        return s.title().length() > 18 ? s.title().substring(0, 17) + "…" : s.title();
    }

}
