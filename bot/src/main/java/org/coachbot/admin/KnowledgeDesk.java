package org.coachbot.admin;

import org.coachbot.chat.Button;
import org.coachbot.chat.FileFetcher;
import org.coachbot.chat.Html;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.knowledge.Glossary;
import org.coachbot.knowledge.KnowledgeFiles;
import org.coachbot.knowledge.KnowledgeFormatException;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.knowledge.Section;
import org.coachbot.library.KnowledgeState;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Knowledge administration in the chat: uploads are validated and installed as a new version in one step;
 * {@code /kb}, {@code /reload} and {@code /rollback} inspect and restore. Every answer is short whatever the
 * files hold: lists are cut after {@link #MAX_LISTED} entries and quoted problems after {@link #MAX_QUOTE} chars.
 */
public final class KnowledgeDesk {
    /** Button data prefix of the delete confirmation. */
    public static final String BUTTON_PREFIX = "kb:";
    static final String DELETE = BUTTON_PREFIX + "del:";
    static final String KEEP = BUTTON_PREFIX + "keep";
    /** Files, scenarios or problems listed in one answer; more are counted, not listed. */
    static final int MAX_LISTED = 30;
    /** Characters of a problem message quoted back; a file with a huge line is still answered in one message. */
    static final int MAX_QUOTE = 300;
    /** Characters of a file {@code /kb get} shows: one Telegram message, not hundreds. */
    static final int MAX_SHOWN_CHARS = 3000;
    private static final Logger log = LoggerFactory.getLogger(KnowledgeDesk.class);

    private final KnowledgeChanges changes;
    private final FileFetcher files;
    private final Clock clock;
    private final ReindexStatus status;
    private final Texts texts = Texts.of("admin");
    private final HistoryView history;

    public KnowledgeDesk(KnowledgeChanges changes, FileFetcher files, Clock clock) {
        this.changes = Objects.requireNonNull(changes, "changes must not be null");
        this.files = Objects.requireNonNull(files, "files must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.status = new ReindexStatus(clock, texts);
        this.history = new HistoryView(texts, clock.getZone());
    }

    /**
     * {@code /kb}, {@code /kb get <file>}, {@code /kb delete <file>}, {@code /kb history}, and for a release's text
     * offered beside a file the admins changed, {@code /kb take <file>} and {@code /kb ignore <file>}.
     */
    public void kb(Incoming in, String argument, Responder out) {
        String[] parts = argument.strip().split("\\s+", 2);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        switch (parts[0]) {
            case "" -> out.send(Reply.html(overview()));
            case "history" -> out.send(Reply.html(history.render(changes.history(10))));
            case "get" -> out.send(Reply.html(get(rest)));
            case "delete" -> askDelete(rest, out);
            case "take" -> take(in, rest, out);
            case "ignore" -> ignore(in, rest, out);
            default -> out.send(Reply.html(texts.get("kb.usage")));
        }
    }

    private void take(Incoming in, String name, Responder out) {
        Optional<String> file = offered(name);
        if (file.isEmpty()) {
            out.send(Reply.html(texts.get("take.none", Html.escape(clip(name)))));
            return;
        }
        try {
            changes.take(author(in), file.get(), status.start(out), done -> out.send(Reply.html(texts.get(
                    "take.done", Html.escape(file.get()), done.state().version(), done.change().parent())
                    + problems(done.state()))));
        } catch (KnowledgeFormatException | ChangeRefusedException e) {
            out.send(Reply.html(texts.get("take.refused", Html.escape(file.get()), Html.escape(clip(e.getMessage())),
                    changes.current().version())));
        }
    }

    private void ignore(Incoming in, String name, Responder out) {
        Optional<String> file = offered(name);
        boolean ignored = file.isPresent() && changes.ignore(author(in), file.get());
        out.send(Reply.html(texts.get(ignored ? "ignore.done" : "ignore.none",
                Html.escape(file.orElse(clip(name))))));
    }

    /** The sanitised name of a file with a release's text offered beside it, or empty. */
    private Optional<String> offered(String name) {
        try {
            String clean = UploadName.sanitize(name);
            return changes.offered().contains(clean) ? Optional.of(clean) : Optional.empty();
        } catch (KnowledgeFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code /reload}: puts files edited on disk in service as a new version. */
    public void reload(Incoming in, String argument, Responder out) {
        long start = clock.millis();
        int before = changes.current().version();
        Optional<KnowledgeState> state = changes.reloadIfChanged(author(in), status.start(out));
        if (state.isEmpty()) {
            out.send(Reply.html(texts.get("reload.unchanged", before)));
            return;
        }
        KnowledgeState s = state.get();
        out.send(Reply.html(texts.get("reload.done", s.version(), s.knowledge().fileCount(),
                s.knowledge().sections().size(), s.book().scenarios().size(), clock.millis() - start, before)
                + problems(s)));
    }

    /** {@code /rollback}: undoes the change that made the version in service, restoring all files of the one before. */
    public void rollback(Incoming in, String argument, Responder out) {
        try {
            changes.rollback(author(in), status.start(out), done -> {
                KnowledgeChange undone = done.undone();
                KnowledgeState s = done.state();
                out.send(Reply.html(texts.get("rollback.done", undone.version(), history.describe(undone),
                        history.who(undone.user()), history.time(undone.at()),
                        s.version(), s.knowledge().fileCount(), s.knowledge().sections().size(),
                        s.book().scenarios().size())));
            });
        } catch (ChangeRefusedException e) {
            out.send(Reply.html(Html.escape(e.getMessage())));
        }
    }

    /** A document: admins change the knowledge with it (the router lets only admins send one). */
    public void onDocument(Incoming in, Responder out) {
        String raw = in.document().fileName();
        String name;
        byte[] bytes;
        String change;
        try {
            name = UploadName.sanitize(raw);
            if (in.document().size() > KnowledgeLoader.MAX_FILE_BYTES) {
                throw new KnowledgeFormatException(name, 0, texts.get("upload.too.big", in.document().size()));
            }
            bytes = files.fetch(in.document());
            change = validate(name, bytes);
        } catch (KnowledgeFormatException e) {
            changes.refused(author(in), "upload", raw == null ? "" : raw, e);
            refuse(raw, e, out);
            return;
        } catch (IOException e) {
            out.send(Reply.html(texts.get("upload.download.failed", Html.escape(clip(String.valueOf(raw))))));
            return;
        }
        long start = clock.millis();
        boolean replaced = Files.exists(changes.folder().resolve(UploadName.relative(name)));
        try {
            changes.upload(author(in), name, bytes, status.start(out), done -> out.send(Reply.html(texts.get(
                    "upload.done", Html.escape(name), texts.get(replaced ? "upload.replaced" : "upload.new"),
                    change, done.state().version(), clock.millis() - start, done.change().parent())
                    + problems(done.state()))));
        } catch (KnowledgeFormatException | ChangeRefusedException e) {
            refuse(raw, e, out);
        }
    }

    private void refuse(String raw, RuntimeException e, Responder out) {
        boolean markdown = raw != null && raw.toLowerCase(Locale.ROOT).endsWith(".md");
        out.send(Reply.html(texts.get("upload.refused", Html.escape(clip(e.getMessage())),
                changes.current().version()) + (markdown ? texts.get("upload.md.help") : "")));
    }

    /** Delete confirmation buttons. */
    public void onButton(Incoming in, Responder out) {
        if (!in.text().startsWith(DELETE)) {
            out.send(Reply.html(texts.get("delete.kept")));
            return;
        }
        String id = in.text().substring(DELETE.length());
        Optional<String> file = knowledgeFileNames().stream().filter(n -> UploadName.shortId(n).equals(id))
                .findFirst();
        if (file.isEmpty()) {
            out.send(Reply.html(texts.get("delete.stale")));
            return;
        }
        String name = file.get();
        try {
            changes.delete(author(in), name, status.start(out), done -> out.send(Reply.html(texts.get(
                    "delete.done", Html.escape(name), done.state().version(), done.change().parent()))));
        } catch (ChangeRefusedException | KnowledgeFormatException e) {
            out.send(Reply.html(Html.escape(clip(e.getMessage()))));
        }
    }

    /** Checks one uploaded file on its own before anything is written; returns what it changes, for the reply. */
    private String validate(String name, byte[] bytes) {
        KnowledgeState now = changes.current();
        if (name.endsWith(".md")) {
            List<Section> next = new KnowledgeLoader(changes.limits()).parse(name, bytes);
            List<Section> before = now.knowledge().sections().stream().filter(s -> s.file().equals(name)).toList();
            int total = now.knowledge().sections().size() - before.size() + next.size();
            if (total > changes.limits().sections()) {
                throw new KnowledgeFormatException(name, 0, texts.get("upload.base.limit",
                        changes.limits().sections(), now.knowledge().sections().size(), total));
            }
            return SectionDiff.describe(before, next, texts);
        }
        if (name.equals(Glossary.FILE_NAME)) {
            new KnowledgeLoader(changes.limits()).parseGlossary(name, bytes);
            boolean replaced = Files.exists(changes.folder().resolve(name));
            return texts.get(replaced ? "upload.glossary.replaced" : "upload.glossary.new");
        }
        List<KnowledgeFormatException> problems = ScenarioBook.validate(name, bytes, now.knowledge());
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        boolean replaced = Files.exists(changes.folder().resolve(UploadName.relative(name)));
        return texts.get(replaced ? "upload.yaml.replaced" : "upload.yaml.new");
    }

    private void askDelete(String name, Responder out) {
        Optional<String> file = existing(name);
        if (file.isEmpty()) {
            out.send(Reply.html(texts.get("kb.no.file", Html.escape(clip(name)))));
            return;
        }
        KnowledgeState s = changes.current();
        if (file.get().endsWith(".md") && s.knowledge().fileCount() == 1
                && s.knowledge().sections().stream().allMatch(sec -> sec.file().equals(file.get()))) {
            out.send(Reply.html(Html.escape(texts.get("delete.last", file.get()))));
            return;
        }
        out.send(Reply.html(texts.get("delete.confirm", Html.escape(file.get())), List.of(List.of(
                new Button(texts.get("delete.yes"), DELETE + UploadName.shortId(file.get())),
                new Button(texts.get("delete.no"), KEEP)))));
    }

    /** The sanitised name of an existing knowledge file, or empty. */
    private Optional<String> existing(String name) {
        try {
            String clean = UploadName.sanitize(name);
            return Files.isRegularFile(changes.folder().resolve(UploadName.relative(clean)))
                    ? Optional.of(clean) : Optional.empty();
        } catch (KnowledgeFormatException e) {
            return Optional.empty();
        }
    }

    /** Knowledge files by the name an admin uses: {@code refund.md}, {@code rubric.yaml}, {@code hotel.yaml}. */
    private List<String> knowledgeFileNames() {
        return KnowledgeFiles.list(changes.folder()).stream().map(f -> f.substring(f.lastIndexOf('/') + 1))
                .toList();
    }

    private String overview() {
        KnowledgeState s = changes.current();
        Map<String, Long> perFile = s.knowledge().sections().stream()
                .collect(Collectors.groupingBy(Section::file, TreeMap::new, Collectors.counting()));
        String fileLines = perFile.entrySet().stream().limit(MAX_LISTED)
                .map(e -> texts.get("kb.file.line", Html.escape(e.getKey()), e.getValue()))
                .collect(Collectors.joining("\n")) + more(perFile.size());
        String scenarios = s.book().scenarios().stream().limit(MAX_LISTED).map(sc -> Html.escape(sc.id()))
                .collect(Collectors.joining(", ")) + more(s.book().scenarios().size());
        String last = changes.history(1).stream().findFirst()
                .map(e -> texts.get("kb.last", history.who(e.user()), history.time(e.at()), history.line(e)))
                .orElse(texts.get("kb.last.none"));
        return texts.get("kb.overview", perFile.size(), s.knowledge().sections().size(), fileLines,
                s.book().scenarios().size(), scenarios, s.version(), last, changes.versionsKept()) + offers()
                + problems(s);
    }

    /** The files with a release's text beside them, waiting for an admin to take or ignore it. */
    private String offers() {
        List<String> files = changes.offered();
        if (files.isEmpty()) {
            return "";
        }
        return texts.get("kb.offers", files.stream().limit(MAX_LISTED)
                .map(f -> texts.get("kb.offer.line", Html.escape(f))).collect(Collectors.joining("\n"))
                + more(files.size()));
    }

    private String more(int count) {
        return count > MAX_LISTED ? "\n" + texts.get("kb.more", count - MAX_LISTED) : "";
    }

    private String get(String name) {
        boolean release = name.endsWith(OfferedFiles.SUFFIX);
        Optional<String> file = release ? offered(name.substring(0, name.length() - OfferedFiles.SUFFIX.length()))
                : existing(name);
        if (file.isEmpty()) {
            return texts.get("kb.no.file", Html.escape(clip(name)));
        }
        String relative = UploadName.relative(file.get());
        try {
            String text = Files.readString(release ? OfferedFiles.of(changes.folder(), relative)
                    : changes.folder().resolve(relative));
            if (text.length() > MAX_SHOWN_CHARS) {
                return "<pre>" + Html.escape(text.substring(0, MAX_SHOWN_CHARS)) + "</pre>\n"
                        + texts.get("kb.get.cut", text.length(), MAX_SHOWN_CHARS);
            }
            return "<pre>" + Html.escape(text) + "</pre>";
        } catch (IOException e) {
            return texts.get("kb.no.file", Html.escape(file.get()));
        }
    }

    private String problems(KnowledgeState s) {
        List<KnowledgeFormatException> all = s.problems();
        if (all.isEmpty()) {
            return "";
        }
        String listed = all.stream().limit(10).map(e -> "• " + Html.escape(clip(e.getMessage())))
                .collect(Collectors.joining("\n"));
        return "\n\n" + texts.get("problems") + "\n" + listed
                + (all.size() > 10 ? "\n" + texts.get("problems.more", all.size() - 10) : "");
    }


    private static KnowledgeChanges.Author author(Incoming in) {
        return new KnowledgeChanges.Author(in.user().id(), in.user().name());
    }

    static String clip(String text) {
        String t = String.valueOf(text);
        return t.length() <= MAX_QUOTE ? t : t.substring(0, MAX_QUOTE) + "…";
    }
}
