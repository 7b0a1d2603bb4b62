package org.coachbot.roleplay.scenario;

import org.coachbot.roleplay.Fixtures;
import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.engine.RolePlayEngine;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Remedy steps the shipped scenarios hear in the everyday words good agents use, by their patterns alone. */
class RemedyPhrasingTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private final Rubric rubric = Fixtures.rubric();
    private final RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS,
            Meaning.NONE);

    @Test
    void taking_the_anger_calmly_and_offering_to_look_into_it_stays_civil() {
        // given an abusive caller, then lines that meet the anger with an apology or a calm word and offer help
        for (String line : List.of("先生,真对不起,让您打了三次电话,换谁都窝火。您报一下订单号,我现在就给您查清楚。",
                "您先别急,火气我接着,我先把钱的事给您查明白。", "请您先别激动,我来帮您处理。")) {
            // then the customer hears the step of staying civil
            assertTrue(beats("abusive-caller", line).contains("stay_civil"), line);
        }
        assertFalse(beats("abusive-caller", "对不起。").contains("stay_civil"));
    }

    @Test
    void a_deadline_for_getting_the_return_done_is_the_timeline() {
        for (String line : List.of("照片收到后一小时内我把退货登记办好。", "今天下午五点前退货单给您弄好。")) {
            assertTrue(beats("picky-customer", line).contains("timeline"), line);
        }
        assertFalse(beats("picky-customer", "退货单我给您弄好。").contains("timeline"));
    }

    private List<String> beats(String scenarioId, String line) {
        Scenario scenario = Fixtures.scenario(scenarioId);
        Session s = engine.start(scenario, 1, 1, 1, NOW);
        return engine.play(scenario, rubric, s, line, NOW).session().call().beats();
    }
}
