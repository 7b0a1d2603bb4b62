package org.coachbot.admin;

import org.coachbot.chat.Reply;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.knowledge.ShippedKnowledge;
import org.coachbot.library.KnowledgeState;
import org.coachbot.library.LiveKnowledge;
import org.coachbot.retrieval.HashingEmbeddingModel;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.retrieval.RetrievalIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FolderWatcherTest {
    private static final String FILE = """
            ---
            title: 电话礼仪
            tags: [电话]
            source: 001.txt
            ---
            # 电话礼仪

            ## 三声之内接听
            铃响三声之内接起电话,先说"您好"。
            """;

    @TempDir
    Path root;

    @Test
    void should_make_a_file_dropped_into_the_folder_live_and_report_a_broken_one() throws Exception {
        // given
        Path folder = Files.createDirectories(root.resolve("knowledge"));
        Path data = Files.createDirectories(root.resolve("data"));
        LiveKnowledge live = new LiveKnowledge(new RetrievalIndex(new HashingEmbeddingModel(), data),
                new KnowledgeLoader(), Clock.systemUTC());
        KnowledgeChanges changes = new KnowledgeChanges(live, folder, data, Clock.systemUTC());
        changes.start(ShippedKnowledge.folder(root.resolve("no-release")), IndexProgress.NONE);
        BlockingQueue<KnowledgeState> states = new LinkedBlockingQueue<>();
        BlockingQueue<Reply> notices = new LinkedBlockingQueue<>();
        live.onChange(states::add);
        try (FolderWatcher watcher = new FolderWatcher(changes, notices::add, Duration.ofMillis(100)).start()) {
            // when
            Files.writeString(folder.resolve("phone.md"), FILE);
            KnowledgeState state = states.poll(20, TimeUnit.SECONDS);

            // then it is a new version, recorded as an edit on disk
            assertNotNull(state, "the new file was not picked up");
            assertTrue(state.knowledge().section("phone#三声之内接听").isPresent());
            assertEquals(2, state.version());
            assertEquals(KnowledgeChange.Action.DISK, changes.change(2).orElseThrow().action());
            assertEquals("phone.md", changes.change(2).orElseThrow().file());

            // when a broken file is dropped
            Files.writeString(folder.resolve("broken.md"), "---\nno end of front matter");
            Reply notice = notices.poll(20, TimeUnit.SECONDS);

            // then the admins hear of it and the good file keeps serving
            assertNotNull(notice, "the broken file was not reported");
            assertTrue(notice.html().contains("broken.md:1"), notice.html());
            assertTrue(live.get().knowledge().section("phone#三声之内接听").isPresent());
        }
    }
}
