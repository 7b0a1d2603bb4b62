package org.coachbot.console;

import org.coachbot.chat.Button;
import org.coachbot.chat.ChatCore;
import org.coachbot.chat.Document;
import org.coachbot.chat.FileFetcher;
import org.coachbot.chat.Html;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Messenger;
import org.coachbot.chat.Notifier;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.chat.User;
import org.coachbot.text.Texts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Chats on standard input and output with the same core as Telegram. The console user is an administrator;
 * buttons are shown numbered and pressed by typing the number; images are saved as files; {@code /upload <path>}
 * sends a local file the way a Telegram document would arrive.
 */
public final class ConsoleFrontEnd {
    /** The console user's id; no Telegram user has id 0. */
    public static final long CONSOLE_ID = 0;
    private static final String UPLOAD = "/upload";


    private final ChatCore core;
    private final BufferedReader in;
    private final PrintStream out;
    private final Path imageDir;
    private final User user = new User(CONSOLE_ID, "console", true);
    private final List<Button> pending = new ArrayList<>();
    private final Texts texts = Texts.of("console");
    private int images;

    public ConsoleFrontEnd(ChatCore core, BufferedReader in, PrintStream out, Path imageDir) {
        this.core = core;
        this.in = in;
        this.out = out;
        this.imageDir = imageDir;
    }

    /** Reads lines until end of input. */
    public void run() throws IOException {
        prompt();
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.isBlank()) {
                core.handle(incoming(line.strip()), responder());
            }
            prompt();
        }
        out.println();
    }

    /** Messages for the administrators appear inline, since the console user is the administrator. */
    public Notifier notifier() {
        return reply -> print(reply);
    }

    /**
     * Messages the bot starts itself appear inline; one meant for another chat than the console's is marked with
     * the chat it would go to, so assignments and reminders can be tried out on the console.
     */
    public Messenger messenger() {
        return (chatId, reply) -> {
            if (chatId != CONSOLE_ID) {
                synchronized (this) {
                    out.println("[→ " + chatId + "]");
                }
            }
            print(reply);
        };
    }

    /** Documents named by {@code /upload <path>} are read from the local disk. */
    public static FileFetcher fileFetcher() {
        return document -> Files.readAllBytes(Path.of(document.fileId()));
    }

    private Incoming incoming(String line) {
        if (line.matches("\\d{1,2}") && !pending.isEmpty()) {
            int n = Integer.parseInt(line);
            if (n >= 1 && n <= pending.size()) {
                Button b = pending.get(n - 1);
                pending.clear();
                // The console is the private chat, so a link into it is the /start it would send there.
                return switch (b.kind()) {
                    case CALLBACK -> Incoming.button(user, CONSOLE_ID, b.data());
                    case PRIVATE_START -> Incoming.text(user, CONSOLE_ID, "/start " + b.data());
                    case URL, WEB_APP -> Incoming.text(user, CONSOLE_ID, line);
                };
            }
        }
        if (line.startsWith(UPLOAD + " ")) {
            Path path = Path.of(line.substring(UPLOAD.length()).strip());
            long size = Files.isRegularFile(path) ? sizeOf(path) : 0;
            return Incoming.document(user, CONSOLE_ID, new Document(path.toString(),
                    path.getFileName().toString(), size), "");
        }
        return Incoming.text(user, CONSOLE_ID, line);
    }

    private Responder responder() {
        return new Responder() {
            @Override
            public void send(Reply reply) {
                print(reply);
            }

            /** A terminal cannot edit what it printed, so the new version is printed under a mark saying so. */
            @Override
            public void replace(Reply reply) {
                out.println(texts.get("replaced"));
                print(reply);
            }

            @Override
            public Status status(String html) {
                out.println(Html.toPlain(html));
                return update -> out.println(Html.toPlain(update));
            }
        };
    }

    private synchronized void print(Reply reply) {
        if (reply.hasImage()) {
            out.println("[图片] " + saveImage(reply.png()));
        }
        if (reply.hasFile()) {
            out.println("[文件] " + reply.file().fileName() + ": " + reply.file().path().toAbsolutePath());
        }
        if (!reply.html().isEmpty()) {
            out.println(Html.toPlain(reply.html()));
        }
        if (!reply.buttons().isEmpty()) {
            pending.clear();
            reply.buttons().forEach(pending::addAll);
            for (int i = 0; i < pending.size(); i++) {
                Button b = pending.get(i);
                out.println("  [" + (i + 1) + "] " + b.label() + (b.kind() == Button.Kind.URL || b.kind() == Button.Kind.WEB_APP ? " " + b.data() : ""));
            }
        }
        out.println();
        out.flush();
    }

    private String saveImage(byte[] png) {
        try {
            Files.createDirectories(imageDir);
            Path file = imageDir.resolve("chart-" + System.currentTimeMillis() + "-" + (++images) + ".png");
            Files.write(file, png);
            return file.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save image in " + imageDir, e);
        }
    }

    private void prompt() {
        out.print("> ");
        out.flush();
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }
}
