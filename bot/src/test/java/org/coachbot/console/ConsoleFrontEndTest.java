package org.coachbot.console;

import org.coachbot.chat.Access;
import org.coachbot.chat.Button;
import org.coachbot.chat.CommandRouter;
import org.coachbot.chat.Feature;
import org.coachbot.chat.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleFrontEndTest {

    @TempDir
    Path dir;

    private final List<String> seen = new ArrayList<>();

    private String chat(String input) throws Exception {
        CommandRouter router = new CommandRouter(List.of(Feature.named("tips")
                .plainText((in, out) -> {
                    seen.add(in.text());
                    out.send(Reply.html("<b>答</b> &lt;ok&gt;", List.of(List.of(new Button("再看", "tip:1")))));
                })
                .buttons("tip:", Access.EVERYONE, (in, out) -> seen.add("pressed:" + in.text())).build(),
                Feature.named("admin")
                .command("kb", Access.ADMIN, (in, arg, out) -> out.send(Reply.html("admin=" + in.user().admin())))
                .documents(Access.ADMIN, (in, out) -> {
                    seen.add("doc:" + in.document().fileName());
                    out.send(Reply.image(new byte[]{1, 2, 3}, "图表"));
                }).build()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new ConsoleFrontEnd(router, new BufferedReader(new StringReader(input)), out, dir).run();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void should_answer_each_line_and_return_at_end_of_input() throws Exception {
        String out = chat("/help\n客户不说话\n");

        assertTrue(out.contains("/help"), out);
        assertTrue(out.contains("答 <ok>"), "HTML is shown as plain text: " + out);
        assertEquals(List.of("客户不说话"), seen);
    }

    @Test
    void should_treat_the_console_user_as_an_administrator() throws Exception {
        assertTrue(chat("/kb\n").contains("admin=true"));
    }

    @Test
    void should_press_a_numbered_button_when_its_number_is_typed() throws Exception {
        String out = chat("问题\n1\n");

        assertTrue(out.contains("[1] 再看"), out);
        assertEquals(List.of("问题", "pressed:tip:1"), seen);
    }

    @Test
    void should_print_a_replacement_under_a_mark_and_offer_its_buttons() throws Exception {
        // given a reply whose button asks for the message to be replaced
        CommandRouter router = new CommandRouter(List.of(Feature.named("tips")
                .plainText((in, out) -> out.send(Reply.html("短", List.of(List.of(new Button("展开", "more:1"))))))
                .buttons("more:", Access.EVERYONE, (in, out) -> out.replace(Reply.html("全文",
                        List.of(List.of(new Button("换一个", "tip:2"))))))
                .buttons("tip:", Access.EVERYONE, (in, out) -> seen.add("pressed:" + in.text())).build()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        // when
        new ConsoleFrontEnd(router, new BufferedReader(new StringReader("问题\n1\n1\n")),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), dir).run();

        // then
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("↻(替换上一条消息)\n全文\n  [1] 换一个"), out);
        assertEquals(List.of("pressed:tip:2"), seen);
    }

    @Test
    void should_send_a_local_file_as_a_document_and_save_images() throws Exception {
        Path file = dir.resolve("new-topic.md");
        Files.writeString(file, "x");

        String out = chat("/upload " + file + "\n");

        assertEquals(List.of("doc:new-topic.md"), seen);
        assertTrue(out.contains("[图片] "), out);
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".png")));
        }
    }

    @Test
    void should_show_messages_for_other_chats_marked_with_their_chat_and_files_with_their_path() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleFrontEnd console = new ConsoleFrontEnd(new CommandRouter(),
                new BufferedReader(new StringReader("")), out, dir);
        Path csv = Files.writeString(dir.resolve("team.csv"), "x");

        console.messenger().send(42, Reply.html("⏰ 每日练习提醒"));
        console.messenger().send(ConsoleFrontEnd.CONSOLE_ID, Reply.file(csv, "团队练习记录.csv", "📄 导出"));

        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("[→ 42]\n⏰ 每日练习提醒"), shown);
        assertTrue(shown.contains("[文件] 团队练习记录.csv: " + csv.toAbsolutePath()), shown);
    }

    @Test
    void should_turn_a_link_into_the_private_chat_into_the_start_it_opens() throws Exception {
        CommandRouter router = new CommandRouter(List.of(Feature.named("roleplay")
                .plainText((in, r) -> r.send(Reply.html("去私聊", List.of(List.of(
                        Button.privateStart("开始", "rp_hotel-no-hot-water"))))))
                .deepLink("rp_", (in, arg, r) -> seen.add("started:" + arg)).build()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleFrontEnd(router, new BufferedReader(new StringReader("对练\n1\n")),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), dir).run();

        assertEquals(List.of("started:hotel-no-hot-water"), seen);
    }
}
