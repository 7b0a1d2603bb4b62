package org.coachbot.roleplay;

import org.coachbot.chat.Incoming;
import org.coachbot.chat.User;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.library.KnowledgeState;
import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.testing.RecordingResponder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The desk reads the knowledge once per answer and keeps no lock for users who are not being answered. */
class RolePlayDeskStateTest {
    private static final Path KNOWLEDGE = Path.of(System.getProperty("coachbot.knowledge", "../knowledge"));

    @TempDir
    Path data;

    @Test
    void idle_users_hold_no_lock_and_each_answer_reads_one_knowledge_state() {
        // given the shipped scenarios behind a supplier that counts its reads
        KnowledgeBase kb = new KnowledgeLoader().load(KNOWLEDGE);
        KnowledgeState state = new KnowledgeState(kb, (q, n) -> List.of(), ScenarioBook.load(KNOWLEDGE, kb), 1,
                Instant.EPOCH);
        String scenario = state.book().scenarios().get(0).id();
        AtomicInteger reads = new AtomicInteger();
        try (SqliteSessionStore store = SqliteSessionStore.open(data)) {
            RolePlayDesk desk = new RolePlayDesk(() -> {
                reads.incrementAndGet();
                return state;
            }, store, new ScriptedPersona(), Clock.systemUTC(), () -> 7L, RolePlaySettings.DEFAULTS, Meaning.NONE);
            RecordingResponder out = new RecordingResponder();

            // when 300 trainees each start a call and say a line
            for (long id = 1; id <= 300; id++) {
                User trainee = new User(id, "t" + id, false);
                desk.start(Incoming.text(trainee, id, "/roleplay " + scenario), scenario, out);
                reads.set(0);
                desk.say(Incoming.text(trainee, id, "您好,这里是客服中心,请问有什么可以帮您?"), out);
                assertEquals(1, reads.get(), "one answer, one read of the knowledge");
            }

            // then
            assertEquals(0, desk.lockCount());
            assertTrue(out.text().contains("客户"), out.text().substring(0, Math.min(200, out.text().length())));
        }
    }
}
