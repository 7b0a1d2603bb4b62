package org.coachbot.admin;

import org.coachbot.chat.Button;
import org.coachbot.chat.FileFetcher;
import org.coachbot.chat.Html;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.knowledge.Glossary;
import org.coachbot.knowledge.KnowledgeFormatException;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.knowledge.Section;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Knowledge administration in the chat: uploads are validated, saved as a new version and made live in one step;
 * {@code /kb}, {@code /reload} and {@code /rollback} inspect and restore. Changes run one at a time.
 */
public final class KnowledgeDesk {
    /** Button data prefix of the delete confirmation. */
    public static final String BUTTON_PREFIX = "kb:";
    private static final Logger log = LoggerFactory.getLogger(KnowledgeDesk.class);

    private final LiveKnowledge live;
    private final FileFetcher files;
    private final Clock clock;
    private final KnowledgeVersions versions;
    private final AuditLog audit;
    private final ReindexStatus status;
    private final Texts texts = Texts.of("admin");
    private final KnowledgeLoader loader = new KnowledgeLoader();

    public KnowledgeDesk(LiveKnowledge live, Path dataDir, FileFetcher files, Clock clock) {
        this.live = Objects.requireNonNull(live, "live must not be null");
        this.files = Objects.requireNonNull(files, "files must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.versions = new KnowledgeVersions(live.folder(), dataDir);
        this.audit = new AuditLog(dataDir);
        this.status = new ReindexStatus(clock, texts);
    }

    /** {@code /kb}, {@code /kb get <file>}, {@code /kb delete <file>}, {@code /kb history}. */
    public void kb(Incoming in, String argument, Responder out) {
        if (refused(in, "/kb", out)) {
            return;
        }
        String[] parts = argument.strip().split("\\s+", 2);
        switch (parts[0]) {
            case "" -> out.send(Reply.html(overview()));
            case "history" -> out.send(Reply.html(history()));
            case "get" -> out.send(Reply.html(get(parts.length > 1 ? parts[1] : "")));
            case "delete" -> askDelete(parts.length > 1 ? parts[1] : "", out);
            default -> out.send(Reply.html(texts.get("kb.usage")));
        }
    }

    /** {@code /reload}: re-reads the folder. */
    public void reload(Incoming in, String argument, Responder out) {
        if (refused(in, "/reload", out)) {
            return;
        }
        synchronized (this) {
            long start = clock.millis();
            KnowledgeState state = live.reload(status.start(out));
            audit.record(entry(in, "reload", "*", state.version(), "ok"));
            out.send(Reply.html(texts.get("reload.done", state.version(), state.knowledge().fileCount(),
                    state.knowledge().sections().size(), state.book().scenarios().size(), clock.millis() - start)
                    + problems(state)));
        }
    }

    /** {@code /rollback}: restores the version saved before the last change. */
    public void rollback(Incoming in, String argument, Responder out) {
        if (refused(in, "/rollback", out)) {
            return;
        }
        synchronized (this) {
            var restored = versions.restoreLatest();
            if (restored.isEmpty()) {
                out.send(Reply.html(texts.get("rollback.none")));
                return;
            }
            KnowledgeState state = live.reload(status.start(out));
            String last = audit.recent(20).stream().filter(e -> !e.action().equals("rollback")
                    && !e.action().equals("reload")).findFirst()
                    .map(e -> e.action() + " " + e.file()).orElse("?");
            audit.record(entry(in, "rollback", "*", state.version(), "restored version " + restored.get()));
            out.send(Reply.html(texts.get("rollback.done", Html.escape(last), state.version(),
                    state.knowledge().sections().size(), state.book().scenarios().size())));
        }
    }

    /** A document: admins change the knowledge with it, everybody else is refused. */
    public void onDocument(Incoming in, Responder out) {
        if (refused(in, "document " + in.document().fileName(), out)) {
            return;
        }
        String name;
        try {
            name = UploadName.sanitize(in.document().fileName());
            if (in.document().size() > KnowledgeLoader.MAX_FILE_BYTES) {
                throw new KnowledgeFormatException(name, 0, texts.get("upload.too.big", in.document().size()));
            }
            byte[] bytes = files.fetch(in.document());
            apply(in, name, bytes, out);
        } catch (KnowledgeFormatException e) {
            audit.record(entry(in, "upload", in.document().fileName(), live.current().version(), e.getMessage()));
            out.send(Reply.html(texts.get("upload.refused", Html.escape(e.getMessage()))));
        } catch (IOException e) {
            out.send(Reply.html(texts.get("upload.download.failed", Html.escape(in.document().fileName()))));
        }
    }

    /** Delete confirmation buttons. */
    public void onButton(Incoming in, Responder out) {
        if (refused(in, "button " + in.text(), out)) {
            return;
        }
        String data = in.text().substring(BUTTON_PREFIX.length());
        if (data.startsWith("del:")) {
            delete(in, data.substring(4), out);
        } else {
            out.send(Reply.html(texts.get("delete.kept")));
        }
    }

    private synchronized void apply(Incoming in, String name, byte[] bytes, Responder out) {
        long start = clock.millis();
        Path target = UploadName.target(live.folder(), name);
        String change;
        if (name.endsWith(".md")) {
            List<Section> next = loader.parse(name, bytes);
            List<Section> before = live.current().knowledge().sections().stream()
                    .filter(s -> s.file().equals(name)).toList();
            change = SectionDiff.describe(before, next, texts);
        } else if (name.equals(Glossary.FILE_NAME)) {
            loader.parseGlossary(name, bytes);
            change = texts.get(Files.exists(target) ? "upload.glossary.replaced" : "upload.glossary.new");
        } else {
            List<KnowledgeFormatException> problems = ScenarioBook.validate(name, bytes, live.current().knowledge());
            if (!problems.isEmpty()) {
                throw problems.get(0);
            }
            change = texts.get(Files.exists(target) ? "upload.yaml.replaced" : "upload.yaml.new");
        }
        boolean replaced = Files.exists(target);
        versions.save();
        write(target, bytes);
        KnowledgeState state = live.reload(status.start(out));
        audit.record(entry(in, replaced ? "replace" : "add", name, state.version(), "ok"));
        out.send(Reply.html(texts.get("upload.done", Html.escape(name),
                texts.get(replaced ? "upload.replaced" : "upload.new"), change, state.version(),
                clock.millis() - start)));
    }

    private void askDelete(String name, Responder out) {
        String file = name.strip();
        if (file.isEmpty() || !exists(file)) {
            out.send(Reply.html(texts.get("kb.no.file", Html.escape(file))));
            return;
        }
        out.send(Reply.html(texts.get("delete.confirm", Html.escape(file)), List.of(List.of(
                new Button(texts.get("delete.yes"), BUTTON_PREFIX + "del:" + file),
                new Button(texts.get("delete.no"), BUTTON_PREFIX + "keep")))));
    }

    private synchronized void delete(Incoming in, String file, Responder out) {
        if (!exists(file)) {
            out.send(Reply.html(texts.get("kb.no.file", Html.escape(file))));
            return;
        }
        versions.save();
        try {
            Files.delete(UploadName.target(live.folder(), file));
        } catch (IOException e) {
            out.send(Reply.html(texts.get("delete.failed", Html.escape(file))));
            return;
        }
        KnowledgeState state = live.reload(status.start(out));
        audit.record(entry(in, "delete", file, state.version(), "ok"));
        out.send(Reply.html(texts.get("delete.done", Html.escape(file), state.version())));
    }

    private boolean exists(String file) {
        try {
            return Files.isRegularFile(UploadName.target(live.folder(), UploadName.sanitize(file)));
        } catch (KnowledgeFormatException e) {
            return false;
        }
    }

    private String overview() {
        KnowledgeState s = live.current();
        Map<String, Long> perFile = s.knowledge().sections().stream()
                .collect(Collectors.groupingBy(Section::file, java.util.TreeMap::new, Collectors.counting()));
        String fileLines = perFile.entrySet().stream()
                .map(e -> "• " + Html.escape(e.getKey()) + "(" + e.getValue() + " 节)").collect(Collectors.joining("\n"));
        String scenarios = s.book().scenarios().stream().map(sc -> Html.escape(sc.id()))
                .collect(Collectors.joining(", "));
        String last = audit.recent(1).stream().findFirst()
                .map(e -> texts.get("kb.last", Html.escape(e.user()), e.at().toString(), e.action(),
                        Html.escape(e.file())))
                .orElse(texts.get("kb.last.none"));
        return texts.get("kb.overview", perFile.size(), s.knowledge().sections().size(), fileLines,
                s.book().scenarios().size(), scenarios, s.version(), last, versions.count())
                + problems(s);
    }

    private String history() {
        List<AuditLog.Entry> entries = audit.recent(10);
        if (entries.isEmpty()) {
            return texts.get("kb.last.none");
        }
        return texts.get("history.title") + "\n" + entries.stream()
                .map(e -> "• " + e.at() + " " + Html.escape(e.user()) + " " + e.action() + " "
                        + Html.escape(e.file()) + " → v" + e.version() + " " + Html.escape(e.result()))
                .collect(Collectors.joining("\n"));
    }

    private String get(String name) {
        if (!exists(name.strip())) {
            return texts.get("kb.no.file", Html.escape(name));
        }
        try {
            String text = Files.readString(UploadName.target(live.folder(), UploadName.sanitize(name.strip())));
            return "<pre>" + Html.escape(text) + "</pre>";
        } catch (IOException e) {
            return texts.get("kb.no.file", Html.escape(name));
        }
    }

    private String problems(KnowledgeState s) {
        List<KnowledgeFormatException> all = new java.util.ArrayList<>(s.knowledge().problems());
        all.addAll(s.book().problems());
        if (all.isEmpty()) {
            return "";
        }
        return "\n\n" + texts.get("problems") + "\n" + all.stream().map(e -> "• " + Html.escape(e.getMessage()))
                .collect(Collectors.joining("\n"));
    }

    private boolean refused(Incoming in, String what, Responder out) {
        if (in.user().admin()) {
            return false;
        }
        log.warn("user {} tried an admin action without permission: {}", in.user().id(), what);
        out.send(Reply.html(texts.get("refused")));
        return true;
    }

    private AuditLog.Entry entry(Incoming in, String action, String file, int version, String result) {
        return new AuditLog.Entry(clock.instant(), in.user().id(), in.user().name(), action, file, version, result);
    }

    private static void write(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + target, e);
        }
    }

}
