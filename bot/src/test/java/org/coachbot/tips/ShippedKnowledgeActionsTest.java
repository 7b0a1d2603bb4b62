package org.coachbot.tips;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.knowledge.Section;
import org.coachbot.safety.Danger;
import org.coachbot.text.Texts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped knowledge read as an agent reads a tip: every section tells what to do or gives a line to say, and
 * none promises what an agent on an inbound line cannot keep (a supervisor's time, a result, being the one who
 * answers next time).
 */
class ShippedKnowledgeActionsTest {
    /** Promises the knowledge once made and its own rule 不轻易承诺 forbids. */
    private static final List<String> PROMISES_NOBODY_CAN_KEEP = List.of("今天下班前会有人给您回电话",
            "报我的工号,我这边会跟进", "打客服电话找我", "今天下班前把处理结果告诉您");

    private static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = new KnowledgeLoader().load(Path.of(System.getProperty("coachbot.knowledge", "../knowledge")));
    }

    @Test
    void should_give_an_action_or_a_line_to_say_in_every_section() {
        // given
        List<Section> sections = kb.sections();

        // when
        List<String> without = sections.stream().filter(s -> {
            SectionReading reading = new SectionReading(s);
            return reading.lines().isEmpty() && reading.sentences().stream()
                    .noneMatch(SectionReading.Sentence::imperative);
        }).map(s -> s.topic() + " › " + s.title()).toList();

        // then
        assertTrue(sections.size() >= 100, "sections " + sections.size());
        assertEquals(List.of(), without, "sections with neither an action nor a line to say");
    }

    @Test
    void should_promise_no_supervisors_time_no_result_and_no_personal_follow_up() {
        for (Section s : kb.sections()) {
            for (String promise : PROMISES_NOBODY_CAN_KEEP) {
                assertTrue(!s.body().contains(promise), s.topic() + " › " + s.title() + " promises " + promise);
            }
        }
    }

    @Test
    void should_ship_a_section_for_every_kind_of_danger_under_the_title_the_bot_looks_for() {
        // A section whose heading differs from its kind's title is neither found for the steps nor kept out of
        // ordinary tips.
        Texts texts = Texts.of("tips");
        for (Danger d : Danger.values()) {
            String title = texts.get("safety.title." + d.key());
            assertTrue(SafetyTip.section(kb, title).isPresent(), title);
        }
        assertEquals(Danger.values().length,
                kb.sections().stream().filter(s -> s.file().equals(SafetyTip.FILE)).count());
    }
}
