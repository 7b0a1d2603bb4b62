package org.coachbot.admin;

import org.coachbot.chat.Html;
import org.coachbot.text.Texts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How changes read in {@code /kb history}, {@code /kb} and the rollback answer: which version each one made. */
final class HistoryView {
    private final Texts texts;
    private final DateTimeFormatter when;

    HistoryView(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.when = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(zone);
    }

    /** The entries, newest first, one line each. */
    String render(List<AuditLog.Entry> entries) {
        if (entries.isEmpty()) {
            return texts.get("kb.last.none");
        }
        return texts.get("history.title") + "\n" + entries.stream().map(this::entry)
                .collect(Collectors.joining("\n"));
    }

    private String entry(AuditLog.Entry e) {
        String who = who(e.user());
        if (!e.accepted()) {
            return texts.get("history.refused", e.version(), time(e.at()), who, line(e),
                    Html.escape(KnowledgeDesk.clip(e.result())));
        }
        if (e.action().equals("rollback")) {
            // The file field of a rollback holds the undone change: "<action> <file>".
            String[] undone = e.file().split(" ", 2);
            return texts.get("history.rollback", e.version(), time(e.at()), who, e.from(), line(new AuditLog.Entry(
                    e.at(), e.userId(), e.user(), undone[0], undone.length > 1 ? undone[1] : "", e.from(), e.version(),
                    e.result())));
        }
        return texts.get("history.created", e.version(), time(e.at()), who, line(e));
    }

    /** What an entry did, e.g. "上传了 refund.md(替换)". */
    String line(AuditLog.Entry e) {
        String key = "action." + e.action();
        String file = Html.escape(KnowledgeDesk.clip(e.file()));
        try {
            return texts.get(key, file);
        } catch (IllegalStateException unknown) {
            return Html.escape(e.action()) + " " + file;
        }
    }

    /** What a change did, for the rollback answer. */
    String describe(KnowledgeChange c) {
        return texts.get("action." + c.action().name().toLowerCase(Locale.ROOT), Html.escape(c.file()));
    }

    /** The admin's name, or 文件夹 for files edited on disk. */
    String who(String user) {
        return user.isEmpty() ? texts.get("who.folder") : Html.escape(user);
    }

    String time(Instant at) {
        return when.format(at);
    }
}
