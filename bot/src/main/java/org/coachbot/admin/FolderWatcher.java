package org.coachbot.admin;

import org.coachbot.chat.Html;
import org.coachbot.chat.Notifier;
import org.coachbot.chat.Reply;
import org.coachbot.knowledge.KnowledgeFormatException;
import org.coachbot.library.KnowledgeState;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Watches the knowledge folder and its {@code scenarios/} so files edited on disk go live without a restart.
 * Events are debounced (an editor writes a file several times) and files that break their format are reported
 * to the administrators; the others keep serving.
 */
public final class FolderWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);
    private final KnowledgeChanges changes;
    private final Notifier admins;
    private final Duration debounce;
    private final Texts texts = Texts.of("admin");
    private final WatchService watcher;
    private final Thread thread;

    public FolderWatcher(KnowledgeChanges changes, Notifier admins, Duration debounce) throws IOException {
        this.changes = changes;
        this.admins = admins;
        this.debounce = debounce;
        this.watcher = FileSystems.getDefault().newWatchService();
        Files.createDirectories(changes.folder().resolve("scenarios"));
        for (Path dir : List.of(changes.folder(), changes.folder().resolve("scenarios"))) {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
        this.thread = new Thread(this::loop, "knowledge-watcher");
        thread.setDaemon(true);
    }

    /** Starts watching in the background. */
    public FolderWatcher start() {
        thread.start();
        return this;
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                var key = watcher.take();
                key.pollEvents();
                key.reset();
                // Quiet period: keep draining until no event arrives for the debounce time.
                for (var more = watcher.poll(debounce.toMillis(), TimeUnit.MILLISECONDS); more != null;
                     more = watcher.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) {
                    more.pollEvents();
                    more.reset();
                }
                apply();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void apply() {
        try {
            List<String> before = problems(changes.current());
            changes.reloadIfChanged(KnowledgeChanges.Author.FOLDER, IndexProgress.NONE).ifPresent(state -> {
                log.info("knowledge folder changed on disk: now version {} with {} sections", state.version(),
                        state.knowledge().sections().size());
                List<String> now = problems(state);
                List<String> fresh = new ArrayList<>(now);
                fresh.removeAll(before);
                if (!fresh.isEmpty()) {
                    admins.notifyAdmins(Reply.html(texts.get("watch.problems", fresh.stream().limit(10)
                            .map(p -> "• " + Html.escape(KnowledgeDesk.clip(p))).collect(Collectors.joining("\n"))
                            + (fresh.size() > 10 ? "\n" + texts.get("problems.more", fresh.size() - 10) : ""))));
                }
            });
        } catch (RuntimeException e) {
            log.error("reloading the knowledge folder failed; the previous knowledge keeps serving", e);
            admins.notifyAdmins(Reply.html(texts.get("watch.failed",
                    Html.escape(KnowledgeDesk.clip(String.valueOf(e.getMessage()))))));
        }
    }

    private static List<String> problems(KnowledgeState state) {
        return state.problems().stream().map(KnowledgeFormatException::getMessage)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        watcher.close();
    }
}
