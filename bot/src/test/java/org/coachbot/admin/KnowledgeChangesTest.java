package org.coachbot.admin;

import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.knowledge.ShippedKnowledge;
import org.coachbot.library.LiveKnowledge;
import org.coachbot.retrieval.HashingEmbeddingModel;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.retrieval.RetrievalIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
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
    private Path release;
    private Path folder;
    private Path data;
    private final KnowledgeChanges.Author admin = new KnowledgeChanges.Author(1, "trainer");

    /** Thrown at a step: an Error, so no catch block in the product runs, as with a killed process. */
    private static final class Killed extends Error {
    }

    @BeforeEach
    void setUp() throws Exception {
        release = Files.createDirectories(root.resolve("release"));
        Files.writeString(release.resolve("silent-customer.md"), KnowledgeDeskTest.SILENT);
        data = Files.createDirectories(root.resolve("data"));
        folder = data.resolve("knowledge");
        started(step -> {
        });
    }

    private Started started(Consumer<String> steps) {
        LiveKnowledge live = new LiveKnowledge(new RetrievalIndex(new HashingEmbeddingModel(), data),
                new KnowledgeLoader(), KnowledgeDeskTest.CLOCK);
        KnowledgeChanges changes = new KnowledgeChanges(live, folder, data, KnowledgeDeskTest.CLOCK, steps);
        return new Started(live, changes, changes.start(ShippedKnowledge.folder(release), IndexProgress.NONE));
    }

    /** A DATA_DIR the bot has never started on. */
    private void freshData() throws IOException {
        data = Files.createDirectories(root.resolve("fresh-data"));
        folder = data.resolve("knowledge");
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

    @ParameterizedTest
    @ValueSource(strings = {"staged", "pending", "sealed", "audited", "restored", "pointed", "live", "answered"})
    void an_upgrade_killed_at_any_step_is_completed_or_made_again_at_the_next_start_as_one_version(String step)
            throws Exception {
        // given v1 seeded and the admins' phone.md, then a release that changes silent-customer.md and phone.md
        Files.writeString(release.resolve("phone.md"), KnowledgeUpgradeTest.PHONE_V1);
        freshData();
        started(s -> {
        }).changes().upload(admin, "phone.md", KnowledgeUpgradeTest.PHONE_ADMIN.getBytes(StandardCharsets.UTF_8),
                IndexProgress.NONE, done -> {
                });
        Files.writeString(release.resolve("silent-customer.md"), KnowledgeDeskTest.SILENT.replace("再过渡", "然后过渡"));
        Files.writeString(release.resolve("phone.md"), KnowledgeUpgradeTest.PHONE_V2);

        // when the start that merges it is killed at the step, and the bot starts again
        assertThrows(Killed.class, () -> started(killAt(step)));
        Started after = started(s -> {
        });

        // then the upgrade is in service, exactly once
        assertTrue(Files.readString(folder.resolve("silent-customer.md")).contains("然后过渡"));
        assertEquals(KnowledgeUpgradeTest.PHONE_ADMIN, Files.readString(folder.resolve("phone.md")));
        assertEquals(KnowledgeUpgradeTest.PHONE_V2, Files.readString(folder.resolve("phone.md.shipped")));
        assertEquals(3, after.live().get().version());
        assertEquals(1, after.changes().history(20).stream()
                .filter(e -> e.accepted() && e.action().equals("upgrade")).count(), "one upgrade, not two");
        assertFalse(Files.exists(data.resolve("pending-change.json")));
        // and the hashes of the release are recorded: one more start changes nothing
        assertEquals(3, started(s -> {
        }).live().get().version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"staged", "pending", "sealed", "audited", "restored", "pointed", "live", "answered"})
    void a_first_start_killed_while_seeding_leaves_the_release_in_service_after_the_next_start(String step)
            throws Exception {
        // given an empty DATA_DIR
        freshData();

        // when the first start is killed while it seeds the knowledge in service, and the bot starts again
        assertThrows(Killed.class, () -> started(killAt(step)));
        Started after = started(s -> {
        });

        // then
        assertEquals(KnowledgeDeskTest.SILENT, Files.readString(folder.resolve("silent-customer.md")));
        assertTrue(after.live().get().knowledge().section("silent-customer#诱导法").isPresent());
        assertEquals(1, after.changes().history(20).stream().filter(AuditLog.Entry::accepted).count());
        assertEquals(after.live().get().version(), started(s -> {
        }).live().get().version(), "nothing left to seed or upgrade");
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
