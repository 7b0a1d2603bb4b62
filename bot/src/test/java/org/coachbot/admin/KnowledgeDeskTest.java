package org.coachbot.admin;

import org.coachbot.chat.Button;
import org.coachbot.chat.CommandRouter;
import org.coachbot.chat.Document;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.chat.User;
import org.coachbot.knowledge.KnowledgeLimits;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.knowledge.ShippedKnowledge;
import org.coachbot.library.LiveKnowledge;
import org.coachbot.retrieval.HashingEmbeddingModel;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.retrieval.RetrievalIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeDeskTest {
    static final String SILENT = """
            ---
            title: 沉默型客户
            tags: [沉默, 不说话]
            source: 000.txt
            ---
            # 沉默型客户

            ## 诱导法
            先问容易回答的问题,再过渡到开放式问题。
            """;
    static final String REFUND = """
            ---
            title: 退款答疑
            tags: [退款]
            source: 001.txt
            ---
            # 退款答疑

            ## 退款进度怎么查
            先核对订单号,再告诉客户预计到账时间。
            """;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-12T02:30:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path root;
    private Path release;
    private Path folder;
    private Path data;
    private LiveKnowledge live;
    private KnowledgeChanges changes;
    private KnowledgeDesk desk;
    /** Routes as the bot does, so admin access is checked where the bot checks it. */
    private CommandRouter router;
    private final Map<String, byte[]> uploads = new HashMap<>();
    private final List<Reply> replies = new ArrayList<>();
    private final User admin = new User(1, "trainer", true);
    private final User agent = new User(2, "agent", false);

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
    void setUp() throws Exception {
        release = Files.createDirectories(root.resolve("release"));
        Files.writeString(release.resolve("silent-customer.md"), SILENT);
        data = Files.createDirectories(root.resolve("data"));
        folder = data.resolve("knowledge");
        start(KnowledgeLimits.DEFAULT);
    }

    /** Starts the admin side over the folder and data, as the bot does at start. */
    private void start(KnowledgeLimits limits) {
        live = new LiveKnowledge(new RetrievalIndex(new HashingEmbeddingModel(), data), new KnowledgeLoader(limits),
                CLOCK);
        changes = new KnowledgeChanges(live, folder, data, CLOCK);
        changes.start(ShippedKnowledge.folder(release), IndexProgress.NONE);
        desk = new KnowledgeDesk(changes, doc -> uploads.get(doc.fileId()), CLOCK);
        router = new CommandRouter(List.of(new KnowledgeFeature(desk, changes, reply -> { }, Duration.ZERO).feature()));
    }

    private void upload(User user, String name, String text) {
        upload(user, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private void upload(User user, String name, byte[] bytes) {
        uploads.put(name, bytes);
        router.handle(Incoming.document(user, user.id(), new Document(name, name, bytes.length), ""), out);
    }

    private String last() {
        return replies.get(replies.size() - 1).html();
    }

    private void kb(String argument) {
        desk.kb(Incoming.text(admin, 1, "/kb " + argument), argument, out);
    }

    @Test
    void should_make_an_uploaded_file_live_at_once_as_a_new_version() {
        upload(admin, "refund.md", REFUND);

        assertTrue(last().contains("已更新「refund.md」"), last());
        assertTrue(last().contains("新增小节:退款进度怎么查"), last());
        assertTrue(last().contains("知识库版本 v2(之前 v1)"), last());
        assertTrue(live.get().knowledge().section("refund#退款进度怎么查").isPresent());
        assertEquals(2, live.get().version());
        assertTrue(Files.exists(folder.resolve("refund.md")));
    }

    @Test
    void should_accept_a_plain_markdown_note_and_record_the_uploader_as_its_source() {
        // given a note with no front matter: a title and a section
        String note = "# 加微信的请求\n\n## 客户要加我微信\n礼貌说明公司规定,只能通过官方渠道联系。\n";

        // when
        upload(admin, "wechat.md", note);

        // then
        assertTrue(last().contains("已更新「wechat.md」"), last());
        var section = live.get().knowledge().section("wechat#客户要加我微信").orElseThrow();
        assertEquals("加微信的请求", section.topic());
        assertEquals("trainer 上传于 2026-05-12", section.source());
    }

    @Test
    void should_keep_the_uploader_as_source_after_a_restart() {
        upload(admin, "wechat.md", "## 客户要加我微信\n礼貌说明公司规定。\n");

        start(KnowledgeLimits.DEFAULT);

        var section = live.get().knowledge().section("wechat#客户要加我微信").orElseThrow();
        assertEquals("wechat", section.topic());
        assertEquals("trainer 上传于 2026-05-12", section.source());
    }

    @Test
    void should_say_what_the_format_needs_with_an_example_when_a_note_has_no_text() {
        upload(admin, "empty.md", "---\ntitle: 空\n---\n");

        assertTrue(last().contains("empty.md:4"), last());
        assertTrue(last().contains("至少要有一个 ## 小节"), last());
        assertTrue(last().contains("<pre># 退款答疑"), last());
        assertTrue(last().contains("都可以省略"), last());
    }

    @Test
    void should_refuse_malformed_front_matter_with_file_and_line_and_change_nothing() {
        upload(admin, "broken.md", "---\ntitle: [oops\n---\n# x\n## y\nz\n");

        assertTrue(last().contains("broken.md:2"), last());
        assertTrue(last().contains("知识库保持原样(版本 v1)"), last());
        assertEquals(1, live.get().version());
        assertFalse(Files.exists(folder.resolve("broken.md")));
    }

    @Test
    void should_refuse_a_file_of_45000_tiny_sections_in_one_short_message() {
        // given a 788 KB file that would have been 45,000 sections
        StringBuilder text = new StringBuilder("# 碎片\n");
        for (int i = 0; i < 45_000; i++) {
            text.append("## s").append(i).append("\nx\n");
        }

        // when
        upload(admin, "flood.md", text.toString());

        // then
        assertEquals(1, replies.size());
        assertTrue(last().contains("flood.md:1002: 文件超过 500 个小节(上限由 knowledge.max_sections_per_file 设定)"),
                last());
        assertTrue(last().length() < 1500, "reply has " + last().length() + " characters");
        assertEquals(1, live.get().version());
        assertFalse(Files.exists(folder.resolve("flood.md")));
    }

    @Test
    void should_refuse_a_file_that_would_push_the_knowledge_base_over_its_section_limit() {
        start(new KnowledgeLimits(5, 5));
        StringBuilder text = new StringBuilder("# 五节\n");
        for (int i = 0; i < 5; i++) {
            text.append("## 第").append(i).append("节\n正文\n");
        }

        upload(admin, "five.md", text.toString());

        assertTrue(last().contains("最多 5 个小节") && last().contains("knowledge.max_sections"), last());
        assertFalse(Files.exists(folder.resolve("five.md")));
        assertEquals(1, live.get().knowledge().sections().size());
    }

    @Test
    void should_show_a_long_file_in_one_message() {
        StringBuilder text = new StringBuilder("# 长文件\n");
        for (int i = 0; i < 400; i++) {
            text.append("## 第").append(i).append("节\n一段正文,写得比较长,用来撑大文件。\n");
        }
        upload(admin, "long.md", text.toString());

        kb("get long.md");

        assertTrue(last().length() < 4096, "reply has " + last().length() + " characters");
        assertTrue(last().contains("只显示前 3,000 字"), last().substring(last().length() - 100));
    }

    @Test
    void should_refuse_oversized_files_before_downloading() {
        uploads.clear();
        desk.onDocument(Incoming.document(admin, 1, new Document("big", "big.md", 2_000_000), ""), out);

        assertTrue(last().contains("1 MB"), last());
    }

    @Test
    void should_refuse_files_that_are_not_utf8() {
        upload(admin, "gbk.md", SILENT.replace("silent", "gbk").getBytes(Charset.forName("GBK")));

        assertTrue(last().contains("UTF-8"), last());
        assertFalse(Files.exists(folder.resolve("gbk.md")));
    }

    @Test
    void should_refuse_path_parts_and_hidden_files() {
        upload(admin, "../../x.md", REFUND);
        assertTrue(last().contains("路径"), last());
        upload(admin, ".hidden.md", REFUND);
        assertTrue(last().contains("隐藏"), last());

        assertFalse(Files.exists(root.resolve("x.md")));
        assertFalse(Files.exists(folder.resolve(".hidden.md")));
    }

    @Test
    void should_refuse_non_admins_and_change_nothing() {
        upload(agent, "refund.md", REFUND);
        assertTrue(last().contains("管理员"), last());
        router.handle(Incoming.text(agent, 2, "/rollback"), out);
        assertTrue(last().contains("管理员"), last());

        assertFalse(Files.exists(folder.resolve("refund.md")));
        assertEquals(1, live.get().version());
    }

    @Test
    void should_make_an_uploaded_glossary_live_at_once_and_roll_it_back() {
        // when
        upload(admin, "Glossary.yml", "english:\n  silent: [沉默]\nnot_covered:\n  - 退款流程\n");

        // then
        assertTrue(last().contains("已更新「glossary.yaml」"), last());
        assertEquals(List.of("沉默"), live.get().knowledge().glossary().chinese("silent"));
        assertTrue(Files.exists(folder.resolve("glossary.yaml")));

        desk.rollback(Incoming.text(admin, 1, "/rollback"), "", out);
        assertFalse(Files.exists(folder.resolve("glossary.yaml")));
        assertTrue(live.get().knowledge().glossary().english().isEmpty());
    }

    @Test
    void should_refuse_a_broken_glossary_with_its_line_and_keep_the_old_one() {
        // given
        upload(admin, "glossary.yaml", "english:\n  silent: [沉默]\n");

        // when
        upload(admin, "glossary.yaml", "english:\n  silent: [沉默]\n  沉默: [silent]\n");

        // then
        assertTrue(last().contains("glossary.yaml:3"), last());
        assertTrue(last().contains("知识库保持原样"), last());
        assertEquals(List.of("沉默"), live.get().knowledge().glossary().chinese("silent"));
    }

    @Test
    void should_undo_the_accepted_upload_and_name_it_when_a_refused_one_came_after() {
        // given an accepted upload, then a refused one
        upload(admin, "refund.md", REFUND);
        upload(admin, "broken.md", "---\ntitle: [oops\n---\n");

        // when
        desk.rollback(Incoming.text(admin, 1, "/rollback"), "", out);

        // then the accepted one is undone, and named
        assertTrue(last().contains("已撤销 v2 的变更(上传了 refund.md(新文件)"), last());
        assertTrue(last().contains("恢复到版本 v1"), last());
        assertFalse(last().contains("broken.md"), last());
        assertFalse(Files.exists(folder.resolve("refund.md")));
        assertEquals(1, live.get().version());
        assertTrue(live.get().knowledge().section("silent-customer#诱导法").isPresent());
    }

    @Test
    void should_restore_every_file_of_the_previous_version_in_one_rollback() throws Exception {
        // given three files, then two of them deleted on disk and picked up by /reload
        upload(admin, "refund.md", REFUND);
        upload(admin, "phone.md", REFUND.replace("退款答疑", "电话礼仪").replace("退款进度怎么查", "三声之内接听"));
        Files.delete(folder.resolve("refund.md"));
        Files.delete(folder.resolve("phone.md"));
        desk.reload(Incoming.text(admin, 1, "/reload"), "", out);
        assertEquals(1, live.get().knowledge().fileCount());

        // when
        desk.rollback(Incoming.text(admin, 1, "/rollback"), "", out);

        // then both files are back
        assertTrue(Files.exists(folder.resolve("refund.md")) && Files.exists(folder.resolve("phone.md")));
        assertEquals(3, live.get().knowledge().fileCount());
        assertEquals(3, live.get().version());
        assertTrue(last().contains("文件夹") || last().contains("/reload"), last());
    }

    @Test
    void should_step_back_one_version_per_rollback_and_say_when_there_is_none_left() {
        upload(admin, "refund.md", REFUND);
        upload(admin, "refund.md", REFUND.replace("先核对订单号", "先核对订单号和手机号"));

        desk.rollback(Incoming.text(admin, 1, "/rollback"), "", out);
        assertEquals(2, live.get().version());
        desk.rollback(Incoming.text(admin, 1, "/rollback"), "", out);
        assertEquals(1, live.get().version());
        desk.rollback(Incoming.text(admin, 1, "/rollback"), "", out);

        assertTrue(last().contains("v1 之前没有可以回滚的版本"), last());
        assertFalse(Files.exists(folder.resolve("refund.md")));
    }

    @Test
    void should_give_a_new_upload_after_a_rollback_a_number_never_used_before() {
        upload(admin, "refund.md", REFUND);
        desk.rollback(Incoming.text(admin, 1, "/rollback"), "", out);

        upload(admin, "phone.md", REFUND.replace("退款", "电话"));

        assertEquals(3, live.get().version());
    }

    @Test
    void should_not_delete_the_last_knowledge_file() {
        kb("delete silent-customer.md");

        assertTrue(last().contains("最后一个有小节的知识文件"), last());
        assertTrue(replies.get(replies.size() - 1).buttons().isEmpty());

        // a confirmation button from before (another file was there then) is refused the same way
        desk.onButton(Incoming.button(admin, 1, KnowledgeDesk.DELETE + UploadName.shortId("silent-customer.md")),
                out);
        assertTrue(last().contains("最后一个有小节的知识文件"), last());
        assertTrue(Files.exists(folder.resolve("silent-customer.md")));
        assertEquals(1, live.get().version());
    }

    @Test
    void should_delete_a_file_with_a_long_name_through_a_short_button() {
        // given a valid name of 84 characters
        String name = "a".repeat(81) + ".md";
        upload(admin, name, REFUND);

        // when
        kb("delete " + name);
        Button yes = replies.get(replies.size() - 1).buttons().get(0).get(0);
        desk.onButton(Incoming.button(admin, 1, yes.data()), out);

        // then
        assertTrue(yes.data().getBytes(StandardCharsets.UTF_8).length <= Button.MAX_DATA_BYTES, yes.data());
        assertTrue(last().contains("已删除"), last());
        assertFalse(Files.exists(folder.resolve(name)));
    }

    @Test
    void should_list_which_version_each_change_made_in_history() {
        upload(admin, "refund.md", REFUND);
        upload(admin, "broken.md", "---\ntitle: [oops\n---\n");
        desk.rollback(Incoming.text(admin, 1, "/rollback"), "", out);

        kb("history");

        String history = last();
        assertTrue(history.contains("v1 ← 05-12 10:30 文件夹:首次启动"), history);
        assertTrue(history.contains("v2 ← 05-12 10:30 trainer:上传了 refund.md(新文件)"), history);
        assertTrue(history.contains("未生效 ← 05-12 10:30 trainer:上传 broken.md:broken.md:2"), history);
        assertTrue(history.contains("v1 ← 05-12 10:30 trainer:回滚,撤销了 v2(上传了 refund.md(新文件))"), history);
        kb("");
        assertTrue(last().contains("知识库版本:v1"), last());
    }

    @Test
    void should_keep_the_version_number_across_restarts_and_count_edits_made_while_stopped() throws Exception {
        upload(admin, "refund.md", REFUND);

        start(KnowledgeLimits.DEFAULT);
        assertEquals(2, live.get().version());

        Files.writeString(folder.resolve("refund.md"), REFUND.replace("订单号", "订单编号"));
        start(KnowledgeLimits.DEFAULT);
        assertEquals(3, live.get().version());
        kb("history");
        assertTrue(last().contains("v3 ← 05-12 10:30 文件夹:文件夹里改动了 refund.md"), last());
    }

    @Test
    void should_skip_a_torn_audit_line_and_keep_answering() throws Exception {
        upload(admin, "refund.md", REFUND);
        Files.writeString(data.resolve("audit.log"), "{\"at\": \"2026-05-", java.nio.file.StandardOpenOption.APPEND);

        upload(admin, "phone.md", REFUND.replace("退款", "电话"));
        kb("history");

        assertTrue(last().contains("v3 ← 05-12 10:30 trainer:上传了 phone.md"), last());
    }

    @Test
    void should_apply_two_concurrent_uploads_one_after_the_other() {
        uploads.put("refund.md", REFUND.getBytes(StandardCharsets.UTF_8));
        uploads.put("refund-2.md", REFUND.replace("退款进度怎么查", "退款多久到账").getBytes(StandardCharsets.UTF_8));

        CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> desk.onDocument(Incoming.document(admin, 1,
                        new Document("refund.md", "refund.md", 100), ""), out)),
                CompletableFuture.runAsync(() -> desk.onDocument(Incoming.document(admin, 1,
                        new Document("refund-2.md", "refund-2.md", 100), ""), out))).join();

        assertTrue(live.get().knowledge().section("refund#退款进度怎么查").isPresent());
        assertTrue(live.get().knowledge().section("refund-2#退款多久到账").isPresent());
        assertEquals(3, live.get().version());
    }

    @Test
    void should_show_the_overview_with_the_version_in_service() {
        upload(admin, "refund.md", REFUND);

        kb("");

        assertTrue(last().contains("知识库版本:v2"), last());
        assertTrue(last().contains("refund.md(1 节)"), last());
        assertTrue(last().contains("trainer 于 05-12 10:30 上传了 refund.md"), last());
    }

    @Test
    void should_refuse_a_rubric_upload_with_a_runaway_pattern_or_weight_and_keep_the_rubric_in_service()
            throws Exception {
        // given the shipped knowledge
        Path shipped = Path.of("../knowledge");
        for (String file : org.coachbot.knowledge.KnowledgeFiles.list(shipped)) {
            Files.createDirectories(folder.resolve(file).getParent());
            Files.copy(shipped.resolve(file), folder.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        start(KnowledgeLimits.DEFAULT);
        String rubric = Files.readString(folder.resolve("rubric.yaml"));
        assertTrue(live.get().book().playable(), live.get().problems().toString());

        // when
        upload(admin, "rubric.yaml", rubric.replace("patterns: [\"[您你]好\"", "patterns: [\"(.*?,?)*?z\""));
        String slow = last();
        upload(admin, "rubric.yaml", rubric.replace("weight: 1.0, description: 问候", "weight: 1e308, description: 问候"));

        // then
        String broken = rubric.replace("patterns: [\"[您你]好\"", "patterns: [\"(.*?,?)*?z\"");
        int line = (int) broken.substring(0, broken.indexOf("(.*?,?)*?z")).chars().filter(c -> c == '\n').count() + 1;
        assertTrue(slow.contains("rubric.yaml:" + line + ": 正则表达式 (.*?,?)*?z 太慢"), slow);
        String heavy = rubric.replace("weight: 1.0, description: 问候", "weight: 1e308, description: 问候");
        int weightLine = (int) heavy.substring(0, heavy.indexOf("1e308")).chars().filter(c -> c == '\n').count() + 1;
        assertTrue(last().contains("rubric.yaml:" + weightLine + ": dimensions[0].weight 必须是大于 0、不超过 100 的数字"),
                last());
        assertEquals(rubric, Files.readString(folder.resolve("rubric.yaml")));
        assertTrue(live.get().book().playable());
    }
}
