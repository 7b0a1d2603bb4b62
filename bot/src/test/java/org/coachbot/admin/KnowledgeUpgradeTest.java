package org.coachbot.admin;

import ch.qos.logback.classic.Level;
import org.coachbot.chat.Button;
import org.coachbot.chat.Document;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.chat.User;
import org.coachbot.knowledge.KnowledgeFiles;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.knowledge.ShippedKnowledge;
import org.coachbot.library.KnowledgeState;
import org.coachbot.library.LiveKnowledge;
import org.coachbot.retrieval.HashingEmbeddingModel;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.retrieval.RetrievalIndex;
import org.coachbot.telegram.LogCapture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The knowledge in service lives in DATA_DIR and a new release is merged into it: what admins uploaded, edited or
 * deleted survives, files they never touched follow the release, and where both changed a file the release's text
 * waits beside the admins' one.
 */
class KnowledgeUpgradeTest {
    static final String SILENT_V1 = "# 沉默型客户\n\n## 诱导法\n先问容易回答的问题,再过渡到开放式问题。\n";
    static final String SILENT_V2 = "# 沉默型客户\n\n## 诱导法\n先问容易回答的问题,再过渡到开放式问题,耐心等客户开口。\n";
    static final String PHONE_V1 = "# 电话礼仪\n\n## 三声之内接听\n铃响三声之内接起电话。\n";
    static final String PHONE_ADMIN = "# 电话礼仪\n\n## 三声之内接听\n铃响三声之内接起电话,先说您好,再报工号。\n";
    static final String PHONE_V2 = "# 电话礼仪\n\n## 三声之内接听\n铃响三声之内接起电话,先问候。\n";
    static final String COMPLAINT_V1 = "# 投诉处理\n\n## 先道歉\n先对客户的不便表示歉意。\n";
    static final String COMPLAINT_V2 = "# 投诉处理\n\n## 先道歉\n先对客户的不便表示歉意,再复述问题。\n";
    static final String ESCALATION_V2 = "# 升级处理\n\n## 要找主管\n先问清原因,再说明会请主管回电。\n";
    static final String RAINBOW = "# 彩虹套餐\n\n## 彩虹套餐包含什么\n彩虹套餐包含三项服务。\n";

    @TempDir
    Path root;
    private Path release;
    private Path data;
    private Path folder;
    private LiveKnowledge live;
    private KnowledgeChanges changes;
    private KnowledgeDesk desk;
    private Optional<String> notice;
    private final Map<String, byte[]> uploads = new HashMap<>();
    private final List<Reply> replies = new ArrayList<>();
    private final User admin = new User(1, "trainer", true);

    private final Responder out = new Responder() {
        @Override
        public synchronized void send(Reply reply) {
            replies.add(reply);
        }

        @Override
        public Status status(String html) {
            return update -> {
            };
        }
    };

    @BeforeEach
    void setUp() throws IOException {
        release = Files.createDirectories(root.resolve("release"));
        data = Files.createDirectories(root.resolve("data"));
        folder = data.resolve("knowledge");
    }

    /** Ships a release: exactly these files, as an image or a new jar would bring them. */
    private void ship(Map<String, String> files) throws IOException {
        AtomicFiles.deleteTree(release);
        for (var f : files.entrySet()) {
            Files.createDirectories(release.resolve(f.getKey()).getParent());
            Files.writeString(release.resolve(f.getKey()), f.getValue());
        }
    }

    private void shipV1() throws IOException {
        ship(Map.of("silent-customer.md", SILENT_V1, "phone.md", PHONE_V1, "complaint.md", COMPLAINT_V1));
    }

    private void shipV2() throws IOException {
        ship(Map.of("silent-customer.md", SILENT_V2, "phone.md", PHONE_V2, "complaint.md", COMPLAINT_V1,
                "escalation.md", ESCALATION_V2));
    }

    /** Starts the admin side as the bot does: the release merged into the knowledge in service in DATA_DIR. */
    private void start() {
        live = new LiveKnowledge(new RetrievalIndex(new HashingEmbeddingModel(), data), new KnowledgeLoader(),
                KnowledgeDeskTest.CLOCK);
        changes = new KnowledgeChanges(live, folder, data, KnowledgeDeskTest.CLOCK);
        notice = changes.start(ShippedKnowledge.folder(release), IndexProgress.NONE);
        desk = new KnowledgeDesk(changes, doc -> uploads.get(doc.fileId()), KnowledgeDeskTest.CLOCK);
    }

    private void upload(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        uploads.put(name, bytes);
        desk.onDocument(Incoming.document(admin, 1, new Document(name, name, bytes.length), ""), out);
    }

    private void delete(String name) {
        kb("delete " + name);
        Button yes = replies.get(replies.size() - 1).buttons().get(0).get(0);
        desk.onButton(Incoming.button(admin, 1, yes.data()), out);
    }

    private void kb(String argument) {
        desk.kb(Incoming.text(admin, 1, "/kb " + argument), argument, out);
    }

    private void rollback() {
        desk.rollback(Incoming.text(admin, 1, "/rollback"), "", out);
    }

    private String last() {
        return replies.get(replies.size() - 1).html();
    }

    /** Every knowledge file in service with its text. */
    private Map<String, String> inService() {
        Map<String, String> files = new TreeMap<>();
        for (String file : KnowledgeFiles.list(folder)) {
            files.put(file, read(folder.resolve(file)));
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** v1 seeded, then an upload, an edit of a shipped file from the chat and a deletion. */
    private void adminsChangeV1() throws IOException {
        shipV1();
        start();
        upload("rainbow.md", RAINBOW);
        upload("phone.md", PHONE_ADMIN);
        delete("complaint.md");
    }

    @Test
    void should_keep_every_admin_change_follow_the_release_elsewhere_and_roll_the_upgrade_back() throws Exception {
        // given v1 shipped, then an upload, an edit of a shipped file and a deletion from the chat
        adminsChangeV1();
        Map<String, String> beforeUpgrade = inService();
        int versionBefore = live.get().version();

        // when the bot starts with v2: silent-customer.md changed (never touched by the admins), phone.md changed
        // (edited by them), escalation.md new
        shipV2();
        start();

        // then every admin change is still in service
        assertEquals(RAINBOW, read(folder.resolve("rainbow.md")));
        assertEquals(PHONE_ADMIN, read(folder.resolve("phone.md")));
        assertFalse(Files.exists(folder.resolve("complaint.md")), "a file the admins deleted stays deleted");
        // the untouched file has v2's text, the new file is there, and v2's phone.md waits beside the admins'
        assertEquals(SILENT_V2, read(folder.resolve("silent-customer.md")));
        assertEquals(ESCALATION_V2, read(folder.resolve("escalation.md")));
        assertEquals(PHONE_V2, read(folder.resolve("phone.md.shipped")));
        assertTrue(live.get().knowledge().section("rainbow#彩虹套餐包含什么").isPresent());
        assertTrue(live.get().knowledge().section("escalation#要找主管").isPresent());
        assertEquals(4, live.get().knowledge().fileCount(), "rainbow, phone, silent-customer, escalation");
        // one version, named in the history, /kb and the admins' notice
        assertEquals(versionBefore + 1, live.get().version());
        kb("history");
        assertTrue(last().contains("v" + (versionBefore + 1) + " ← 05-12 10:30 文件夹:升级:更新 silent-customer.md"
                + ";新增 escalation.md;phone.md 管理员改过,保留管理员的版本"), last());
        kb("");
        assertTrue(last().contains("phone.md(新版:phone.md.shipped)"), last());
        assertTrue(last().contains("/kb take 文件名"), last());
        assertTrue(notice.orElseThrow().contains("知识库已按新发布的版本升级为 v" + (versionBefore + 1)), notice.get());

        // when an admin rolls the upgrade back
        rollback();

        // then the knowledge in service is as it was before the upgrade
        assertEquals(beforeUpgrade, inService());
        assertEquals(versionBefore, live.get().version());
        assertTrue(last().contains("升级:更新 silent-customer.md"), last());
    }

    @Test
    void should_not_apply_a_rolled_back_upgrade_again_at_the_next_start() throws Exception {
        // given an upgrade to v2 rolled back
        adminsChangeV1();
        Map<String, String> beforeUpgrade = inService();
        shipV2();
        start();
        rollback();
        int version = live.get().version();

        // when the bot starts again with the same release
        start();

        // then
        assertEquals(beforeUpgrade, inService());
        assertEquals(version, live.get().version());
        assertTrue(notice.isEmpty(), notice.toString());
    }

    @Test
    void should_make_no_version_when_the_release_did_not_change() throws Exception {
        // given
        adminsChangeV1();
        int version = live.get().version();
        Map<String, String> files = inService();

        // when
        start();

        // then
        assertEquals(version, live.get().version());
        assertEquals(files, inService());
        assertTrue(notice.isEmpty(), notice.toString());
    }

    @Test
    void should_put_the_release_text_in_service_on_take_and_follow_later_releases_for_that_file() throws Exception {
        // given an upgrade that kept the admins' phone.md with v2's beside it
        adminsChangeV1();
        shipV2();
        start();
        int version = live.get().version();

        // when
        kb("take phone.md");

        // then
        assertTrue(last().contains("已采用「phone.md」的新发布版本,知识库版本 v" + (version + 1)), last());
        assertEquals(PHONE_V2, read(folder.resolve("phone.md")));
        assertFalse(Files.exists(folder.resolve("phone.md.shipped")));
        kb("");
        assertFalse(last().contains("phone.md.shipped"), last());

        // and a later release that changes phone.md again simply updates it
        String v3 = PHONE_V2.replace("先问候", "先问候,再报工号");
        shipV2();
        Files.writeString(release.resolve("phone.md"), v3);
        start();
        assertEquals(v3, read(folder.resolve("phone.md")));
        assertFalse(Files.exists(folder.resolve("phone.md.shipped")));
    }

    @Test
    void should_forget_the_release_text_on_ignore_and_not_offer_it_again() throws Exception {
        // given
        adminsChangeV1();
        shipV2();
        start();
        int version = live.get().version();

        // when
        kb("ignore phone.md");
        start();

        // then
        assertTrue(last().contains("已忽略「phone.md」的新发布版本"), last());
        assertFalse(Files.exists(folder.resolve("phone.md.shipped")));
        assertEquals(PHONE_ADMIN, read(folder.resolve("phone.md")));
        assertEquals(version, live.get().version());
    }

    @Test
    void should_show_the_release_text_kept_beside_a_file() throws Exception {
        // given
        adminsChangeV1();
        shipV2();
        start();

        // when
        kb("get phone.md.shipped");

        // then
        assertTrue(last().contains("铃响三声之内接起电话,先问候。"), last());
    }

    @Test
    void should_delete_a_file_the_release_dropped_only_when_the_admins_never_changed_it() throws Exception {
        // given v1 seeded and the admins' own phone.md
        shipV1();
        start();
        upload("phone.md", PHONE_ADMIN);

        // when a release without silent-customer.md and phone.md, which also changes complaint.md, starts
        ship(Map.of("complaint.md", COMPLAINT_V2));
        start();

        // then
        assertFalse(Files.exists(folder.resolve("silent-customer.md")));
        assertEquals(PHONE_ADMIN, read(folder.resolve("phone.md")));
        assertEquals(COMPLAINT_V2, read(folder.resolve("complaint.md")));
        kb("history");
        assertTrue(last().contains("升级:更新 complaint.md;删除 silent-customer.md"), last());
    }

    @Test
    void should_leave_a_deleted_file_deleted_when_the_release_changes_it_and_say_so() throws Exception {
        // given
        shipV1();
        start();
        delete("complaint.md");

        // when
        ship(Map.of("silent-customer.md", SILENT_V1, "phone.md", PHONE_V1, "complaint.md", COMPLAINT_V2));
        start();

        // then
        assertFalse(Files.exists(folder.resolve("complaint.md")));
        kb("history");
        assertTrue(last().contains("升级:complaint.md 管理员已删除,不恢复"), last());
    }

    @Test
    void should_put_the_last_version_of_an_older_layout_in_service_and_keep_what_differs_from_the_release()
            throws Exception {
        // given data from a release that served the knowledge from outside DATA_DIR: versions, but no folder in
        // service and no record of the shipped texts
        shipV1();
        start();
        upload("phone.md", PHONE_ADMIN);
        upload("rainbow.md", RAINBOW);
        Map<String, String> admins = inService();
        AtomicFiles.deleteTree(folder);
        Files.delete(data.resolve(ShippedManifest.FILE));

        // when the bot starts with v2
        shipV2();
        start();

        // then the admins' knowledge is in service, what differs from the release waits beside it, new files come
        assertEquals(admins.get("rainbow.md"), read(folder.resolve("rainbow.md")));
        assertEquals(PHONE_ADMIN, read(folder.resolve("phone.md")));
        assertEquals(PHONE_V2, read(folder.resolve("phone.md.shipped")));
        assertEquals(SILENT_V1, read(folder.resolve("silent-customer.md")));
        assertEquals(SILENT_V2, read(folder.resolve("silent-customer.md.shipped")));
        assertEquals(ESCALATION_V2, read(folder.resolve("escalation.md")));
    }

    @Test
    void should_serve_the_knowledge_in_service_and_name_the_missing_release_folder_in_one_line() throws Exception {
        // given
        shipV1();
        start();
        upload("rainbow.md", RAINBOW);
        Map<String, String> files = inService();
        AtomicFiles.deleteTree(release);

        // when
        try (LogCapture log = new LogCapture(KnowledgeChanges.class)) {
            start();

            // then
            assertEquals(files, inService());
            List<String> warnings = log.at(Level.WARN);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("KNOWLEDGE_DIR " + release + " does not exist"), warnings.get(0));
            assertTrue(warnings.get(0).contains("unset it to use the knowledge inside the jar"), warnings.get(0));
        }
    }

    @Test
    void should_name_an_empty_release_and_an_empty_folder_in_service_in_one_line() throws Exception {
        // when the very first start finds an empty release folder
        try (LogCapture log = new LogCapture(KnowledgeChanges.class)) {
            start();

            // then
            assertEquals(0, live.get().knowledge().sections().size());
            List<String> warnings = log.at(Level.WARN);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("no knowledge in service: " + folder), warnings.get(0));
            assertTrue(warnings.get(0).contains("KNOWLEDGE_DIR " + release + " holds no knowledge file"),
                    warnings.get(0));
        }
    }

    @Test
    void should_hot_reload_edits_on_disk_in_the_folder_in_service() throws Exception {
        // given
        shipV1();
        start();
        BlockingQueue<KnowledgeState> states = new LinkedBlockingQueue<>();
        live.onChange(states::add);

        // when a file is edited on disk where the bot serves it
        try (FolderWatcher watcher = new FolderWatcher(changes, reply -> {
        }, Duration.ofMillis(100)).start()) {
            Files.writeString(folder.resolve("silent-customer.md"), SILENT_V2);
            KnowledgeState state = states.poll(20, TimeUnit.SECONDS);

            // then it goes live as a new version
            assertNotNull(state, "the edit was not picked up");
            assertTrue(state.knowledge().section("silent-customer#诱导法").orElseThrow().body().contains("耐心等客户开口"));
        }

        // and the next release counts the file as the admins'
        ship(Map.of("silent-customer.md", SILENT_V1.replace("开放式问题", "开放式提问"), "phone.md", PHONE_V1,
                "complaint.md", COMPLAINT_V1));
        start();
        assertEquals(SILENT_V2, read(folder.resolve("silent-customer.md")));
        assertTrue(Files.exists(folder.resolve("silent-customer.md.shipped")));
    }
}
