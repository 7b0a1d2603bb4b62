package org.coachbot.telegram;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.coachbot.telegram.FakeBotApiServer.Fault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real bot in a child JVM, killed with SIGKILL while 20 questions are confirmed to Telegram but not answered,
 * then started again on the same data folder: every question is answered.
 */
class CrashRecoveryTest {
    private static final Duration START_UP = Duration.ofSeconds(90);
    @TempDir
    Path temp;
    private FakeBotApiServer api;
    private Process child;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void should_lose_no_update_when_killed_with_twenty_in_flight() throws Exception {
        // given the bot runs and every reply hangs on Telegram's side
        api = new FakeBotApiServer();
        api.fault(Fault.HANG, Duration.ofDays(1), "sendMessage");
        // One knowledge file keeps the two start-ups short; the question is about it.
        Path knowledge = Files.createDirectories(temp.resolve("knowledge"));
        Files.copy(Path.of("../knowledge/silent-customer.md"), knowledge.resolve("silent-customer.md"));
        child = start(knowledge, "run-1");
        api.await(() -> !api.calls("getUpdates").isEmpty(), "the bot polls", START_UP);

        // when twenty people ask, Telegram is told the updates arrived, and the bot is killed mid-reply
        List<Long> chats = LongStream.rangeClosed(1001, 1020).boxed().toList();
        chats.forEach(chat -> api.text(chat, chat, "客户一直不说话怎么办"));
        api.await(() -> api.unconfirmed() == 0 && !api.calls("sendMessage").isEmpty(), "all confirmed, replies hang");
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        int hungAtKill = api.calls("sendMessage").size();
        int answeredBeforeRestart = api.delivered().size();
        api.endFault();
        child = start(knowledge, "run-2");

        // then
        api.await(() -> chats.stream().allMatch(c -> !api.deliveredTo(c).isEmpty()), "every question answered",
                START_UP);
        assertEquals(0, answeredBeforeRestart, "nothing was answered before the kill");
        for (long chat : chats) {
            List<String> answers = api.deliveredTo(chat);
            assertTrue(answers.size() <= 2, "chat " + chat + ": " + answers);
            assertEquals(1, answers.stream().distinct().count(), "chat " + chat + ": " + answers);
        }
        long twice = chats.stream().filter(c -> api.deliveredTo(c).size() == 2).count();
        assertTrue(twice <= hungAtKill, twice + " repeated, " + hungAtKill + " were on the wire at the kill");
        child.destroy();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops the bot");
        assertEquals(0, child.exitValue(), "a stop by SIGTERM is a success");
    }

    private Process start(Path knowledge, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-cp", classpath, "org.coachbot.Main");
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("LLM_") || k.startsWith("WEBHOOK_") || k.equals("ALLOWED_USER_IDS"));
        env.put("BOT_TOKEN", FakeBotApiServer.TOKEN);
        env.put("TELEGRAM_API_URL", api.baseUrl().toString());
        env.put("CONFIG_FILE", Path.of("../config/application.yaml").toAbsolutePath().toString());
        env.put("KNOWLEDGE_DIR", knowledge.toString());
        env.put("DATA_DIR", temp.resolve("data").toString());
        builder.redirectErrorStream(true).redirectOutput(temp.resolve(name + ".log").toFile());
        return builder.start();
    }
}
