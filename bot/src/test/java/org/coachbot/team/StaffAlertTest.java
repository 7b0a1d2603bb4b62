package org.coachbot.team;

import org.coachbot.chat.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 通知主管: who hears about a caller in danger, and what they read. */
class StaffAlertTest {
    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");
    private static final User AGENT = new User(5, "小李", false);
    @TempDir
    Path dataDir;
    private TeamDatabase db;
    private SqlitePeople people;

    @BeforeEach
    void open() {
        db = TeamDatabase.open(dataDir);
        people = new SqlitePeople(db);
        people.saw(5, "李明", "liming", true, T0);
        people.saw(21, "王主管", "", true, T0);
        people.saw(22, "赵主管", "", false, T0);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void should_tell_every_reachable_supervisor_the_agents_name_question_and_danger() {
        // given
        List<String> sent = new ArrayList<>();
        StaffAlert alert = new StaffAlert(Set.of(21L, 22L), Set.of(99L), people,
                (chat, reply) -> sent.add(chat + ":" + reply.html()));

        // when
        int told = alert.alert(AGENT, "客户说<他>不想活了", "来电者流露轻生、自伤的念头");

        // then: the supervisor who never wrote privately cannot be reached and is not counted
        assertEquals(1, told);
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).startsWith("21:"), sent.get(0));
        assertTrue(sent.get(0).contains("李明 (@liming)") && sent.get(0).contains("客户说&lt;他&gt;不想活了")
                && sent.get(0).contains("来电者流露轻生"), sent.get(0));
    }

    @Test
    void should_tell_the_admins_when_no_supervisor_is_configured_and_never_the_agent_themself() {
        // given
        people.saw(99, "管理员", "", true, T0);
        List<Long> to = new ArrayList<>();
        StaffAlert alert = new StaffAlert(Set.of(), Set.of(99L, 5L), people, (chat, reply) -> to.add(chat));

        // when
        alert.alert(AGENT, "客户说他不想活了", "来电者流露轻生、自伤的念头");

        // then
        assertEquals(List.of(99L), to);
        assertTrue(alert.available(AGENT));
        assertFalse(new StaffAlert(Set.of(5L), Set.of(), people, (c, r) -> { }).available(AGENT));
    }

    @Test
    void should_count_a_supervisor_the_front_end_cannot_reach_as_not_told() {
        // given
        StaffAlert alert = new StaffAlert(Set.of(21L), Set.of(), people, (chat, reply) -> {
            throw new IllegalStateException("bot was blocked by the user");
        });

        // then
        assertEquals(0, alert.alert(AGENT, "客户说他不想活了", "来电者流露轻生、自伤的念头"));
    }
}
