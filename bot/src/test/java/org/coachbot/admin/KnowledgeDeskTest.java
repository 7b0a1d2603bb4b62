package org.coachbot.admin;

import org.coachbot.chat.Document;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.chat.User;
import org.coachbot.retrieval.HashingEmbeddingModel;
import org.coachbot.retrieval.RetrievalIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeDeskTest {
    private static final String SILENT = """
            ---
            title: 沉默型客户
            tags: [沉默, 不说话]
            source: 000.txt
            ---
            # 沉默型客户

            ## 诱导法
            先问容易回答的问题,再过渡到开放式问题。
            """;
    private static final String REFUND = """
            ---
            title: 退款答疑
            tags: [退款]
            source: 001.txt
            ---
            # 退款答疑

            ## 退款进度怎么查
            先核对订单号,再告诉客户预计到账时间。
            """;

    @TempDir
    Path root;
    private Path folder;
    private LiveKnowledge live;
    private KnowledgeDesk desk;
    private final Map<String, byte[]> uploads = new HashMap<>();
    private final List<String> replies = new ArrayList<>();
    private final User admin = new User(1, "trainer", true);
    private final User agent = new User(2, "agent", false);

    private final Responder out = new Responder() {
        @Override
        public synchronized void send(Reply reply) {
            replies.add(reply.html());
        }

        @Override
        public Status status(String html) {
            return update -> {
            };
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        folder = Files.createDirectories(root.resolve("knowledge"));
        Files.writeString(folder.resolve("silent-customer.md"), SILENT);
        Path data = Files.createDirectories(root.resolve("data"));
        live = new LiveKnowledge(folder, new RetrievalIndex(new HashingEmbeddingModel(), data), Clock.systemUTC());
        live.reload((done, total) -> {
        });
        desk = new KnowledgeDesk(live, data, doc -> uploads.get(doc.fileId()), Clock.systemUTC());
    }

    private void upload(User user, String name, byte[] bytes) {
        uploads.put(name, bytes);
        desk.onDocument(Incoming.document(user, user.id(), new Document(name, name, bytes.length), ""), out);
    }

    private String last() {
        return replies.get(replies.size() - 1);
    }

    @Test
    void should_make_an_uploaded_file_live_at_once() {
        upload(admin, "refund.md", REFUND.getBytes(StandardCharsets.UTF_8));

        assertTrue(last().contains("已更新「refund.md」"), last());
        assertTrue(last().contains("新增小节:退款进度怎么查"), last());
        assertTrue(live.current().knowledge().section("refund#退款进度怎么查").isPresent());
        assertTrue(Files.exists(folder.resolve("refund.md")));
    }

    @Test
    void should_refuse_malformed_front_matter_with_file_and_line_and_change_nothing() {
        int version = live.current().version();

        upload(admin, "broken.md", "---\ntitle: [oops\n---\n# x\n## y\nz\n".getBytes(StandardCharsets.UTF_8));

        assertTrue(last().contains("broken.md:2"), last());
        assertTrue(last().contains("知识库保持原样"), last());
        assertEquals(version, live.current().version());
        assertFalse(Files.exists(folder.resolve("broken.md")));
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
        upload(admin, "../../x.md", REFUND.getBytes(StandardCharsets.UTF_8));
        assertTrue(last().contains("路径"), last());
        upload(admin, ".hidden.md", REFUND.getBytes(StandardCharsets.UTF_8));
        assertTrue(last().contains("隐藏"), last());

        assertFalse(Files.exists(root.resolve("x.md")));
        assertFalse(Files.exists(folder.resolve(".hidden.md")));
    }

    @Test
    void should_refuse_non_admins_and_change_nothing() {
        upload(agent, "refund.md", REFUND.getBytes(StandardCharsets.UTF_8));
        assertTrue(last().contains("管理员"), last());
        desk.rollback(Incoming.text(agent, 2, "/rollback"), "", out);
        assertTrue(last().contains("管理员"), last());

        assertFalse(Files.exists(folder.resolve("refund.md")));
        assertEquals(1, live.current().version());
    }

    @Test
    void should_make_an_uploaded_glossary_live_at_once_and_roll_it_back() {
        // when
        upload(admin, "Glossary.yml", "english:\n  silent: [沉默]\nnot_covered:\n  - 退款流程\n"
                .getBytes(StandardCharsets.UTF_8));

        // then
        assertTrue(last().contains("已更新「glossary.yaml」"), last());
        assertEquals(List.of("沉默"), live.current().knowledge().glossary().chinese("silent"));
        assertTrue(Files.exists(folder.resolve("glossary.yaml")));

        desk.rollback(Incoming.text(admin, 1, "/rollback"), "", out);
        assertFalse(Files.exists(folder.resolve("glossary.yaml")));
        assertTrue(live.current().knowledge().glossary().english().isEmpty());
    }

    @Test
    void should_refuse_a_broken_glossary_with_its_line_and_keep_the_old_one() {
        // given
        upload(admin, "glossary.yaml", "english:\n  silent: [沉默]\n".getBytes(StandardCharsets.UTF_8));

        // when
        upload(admin, "glossary.yaml", "english:\n  silent: [沉默]\n  沉默: [silent]\n"
                .getBytes(StandardCharsets.UTF_8));

        // then
        assertTrue(last().contains("glossary.yaml:3"), last());
        assertTrue(last().contains("知识库保持原样"), last());
        assertEquals(List.of("沉默"), live.current().knowledge().glossary().chinese("silent"));
    }

    @Test
    void should_restore_the_previous_content_on_rollback() {
        upload(admin, "refund.md", REFUND.getBytes(StandardCharsets.UTF_8));

        desk.rollback(Incoming.text(admin, 1, "/rollback"), "", out);

        assertTrue(last().contains("已撤销"), last());
        assertFalse(Files.exists(folder.resolve("refund.md")));
        assertTrue(live.current().knowledge().section("refund#退款进度怎么查").isEmpty());
        assertTrue(live.current().knowledge().section("silent-customer#诱导法").isPresent());
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

        assertTrue(live.current().knowledge().section("refund#退款进度怎么查").isPresent());
        assertTrue(live.current().knowledge().section("refund-2#退款多久到账").isPresent());
        assertEquals(3, live.current().version());
    }

    @Test
    void should_list_changes_in_history_and_show_the_overview() {
        upload(admin, "refund.md", REFUND.getBytes(StandardCharsets.UTF_8));

        desk.kb(Incoming.text(admin, 1, "/kb history"), "history", out);
        assertTrue(last().contains("trainer") && last().contains("refund.md"), last());
        desk.kb(Incoming.text(admin, 1, "/kb"), "", out);
        assertTrue(last().contains("索引版本:v2"), last());
    }
}
