package org.coachbot.admin;

import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.knowledge.LiveKnowledge;
import org.coachbot.retrieval.HashingEmbeddingModel;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.retrieval.RetrievalIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A change stopped at each of its steps, as kill -9 would stop it, and the bot started again: the change either
 * went live with its audit entry and a notice to the admins, or did not happen at all.
 */
class KnowledgeChangesTest {
    /** Steps up to here leave nothing live; from "sealed" on the change is completed at the next start. */
    private static final List<String> BEFORE_SEAL = List.of("staged", "pending");

    @TempDir
    Path root;
    private Path folder;
    private Path data;
    private final KnowledgeChanges.Author admin = new KnowledgeChanges.Author(1, "trainer");

    /** Thrown at a step: an Error, so no catch block in the product runs, as with a killed process. */
    private static final class Killed extends Error {
    }

    @BeforeEach
    void setUp() throws Exception {
        folder = Files.createDirectories(root.resolve("knowledge"));
        Files.writeString(folder.resolve("silent-customer.md"), KnowledgeDeskTest.SILENT);
        data = Files.createDirectories(root.resolve("data"));
        started(step -> {
        });
    }

    private Started started(Consumer<String> steps) {
        LiveKnowledge live = new LiveKnowledge(new RetrievalIndex(new HashingEmbeddingModel(), data),
                new KnowledgeLoader(), KnowledgeDeskTest.CLOCK);
        KnowledgeChanges changes = new KnowledgeChanges(live, folder, data, KnowledgeDeskTest.CLOCK, steps);
        return new Started(live, changes, changes.start(IndexProgress.NONE));
    }

    private record Started(LiveKnowledge live, KnowledgeChanges changes, Optional<String> notice) {
    }

    private static Consumer<String> killAt(String step) {
        return s -> {
            if (s.equals(step)) {
                throw new Killed();
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"staged", "pending", "sealed", "audited", "restored", "pointed", "live", "answered"})
    void an_upload_killed_at_any_step_is_either_live_with_its_audit_entry_or_never_happened(String step) {
        // given an upload killed at the step
        Started before = started(killAt(step));
        assertThrows(Killed.class, () -> before.changes().upload(admin, "refund.md",
                KnowledgeDeskTest.REFUND.getBytes(StandardCharsets.UTF_8), IndexProgress.NONE, done -> {
                }));

        // when the bot starts again
        Started after = started(s -> {
        });

        // then
        boolean live = after.live().get().knowledge().section("refund#退款进度怎么查").isPresent();
        boolean audited = after.changes().history(20).stream()
                .anyMatch(e -> e.accepted() && e.action().equals("add") && e.file().equals("refund.md"));
        if (BEFORE_SEAL.contains(step)) {
            assertFalse(live, "a change stopped before its version was sealed must not be live");
            assertFalse(audited);
            assertFalse(Files.exists(folder.resolve("refund.md")));
            assertEquals(1, after.live().get().version());
        } else {
            assertTrue(live, "a sealed change must be completed at start");
            assertTrue(audited, "a completed change must have its audit entry");
            assertTrue(Files.exists(folder.resolve("refund.md")));
            assertEquals(2, after.live().get().version());
            assertEquals(1, after.changes().history(20).stream()
                    .filter(e -> e.accepted() && e.action().equals("add")).count(), "one audit entry, not two");
        }
        if (step.equals("staged")) {
            assertTrue(after.notice().isEmpty(), "nothing was decided yet: nothing to tell");
        } else if (!step.equals("answered")) {
            // (Once the admin has the answer there is nothing more to tell.)
            assertTrue(after.notice().orElseThrow().contains("上传 refund.md"), after.notice().toString());
            assertTrue(after.notice().get().contains(BEFORE_SEAL.contains(step) ? "已取消" : "现在已完成并生效"),
                    after.notice().get());
        }
        assertFalse(Files.exists(data.resolve("pending-change.json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pending", "audited", "restored", "pointed", "live"})
    void a_rollback_killed_at_any_step_is_completed_at_start_with_every_file_of_the_old_version(String step)
            throws Exception {
        // given two uploads, then a rollback of the second killed at the step
        Started first = started(s -> {
        });
        first.changes().upload(admin, "refund.md", KnowledgeDeskTest.REFUND.getBytes(StandardCharsets.UTF_8),
                IndexProgress.NONE, done -> {
                });
        first.changes().upload(admin, "refund.md", KnowledgeDeskTest.REFUND.replace("订单号", "订单编号")
                .getBytes(StandardCharsets.UTF_8), IndexProgress.NONE, done -> {
                });
        Started killed = started(killAt(step));
        assertThrows(Killed.class, () -> killed.changes().rollback(admin, IndexProgress.NONE, done -> {
        }));

        // when
        Started after = started(s -> {
        });

        // then
        assertEquals(2, after.live().get().version());
        assertTrue(Files.readString(folder.resolve("refund.md")).contains("先核对订单号,"));
        assertTrue(after.notice().orElseThrow().contains("回滚"), after.notice().toString());
    }

    @org.junit.jupiter.api.Test
    void a_version_is_restored_without_deleting_before_every_file_is_copied() throws Exception {
        // given a version with two files
        Started s = started(step -> {
        });
        s.changes().upload(admin, "refund.md", KnowledgeDeskTest.REFUND.getBytes(StandardCharsets.UTF_8),
                IndexProgress.NONE, done -> {
                });
        KnowledgeVersions versions = new KnowledgeVersions(folder, data);

        // when a restore of version 2 fails half way (refund.md cannot be written: a folder is in its place)
        Files.writeString(folder.resolve("extra.md"), "## 额外\n正文\n");
        Files.delete(folder.resolve("refund.md"));
        Files.createDirectories(folder.resolve("refund.md").resolve("inside"));
        assertThrows(RuntimeException.class, () -> versions.restore(2));

        // then nothing was deleted: the file the version does not have is still there
        assertTrue(Files.exists(folder.resolve("extra.md")));
        assertTrue(Files.exists(folder.resolve("silent-customer.md")));
    }
}
