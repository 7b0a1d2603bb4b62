package org.coachbot.admin;

import org.coachbot.text.Texts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a knowledge file without a {@code source} in its front matter came from: the upload that brought it into
 * the line of versions being built, as "trainer 上传于 2026-05-12". Files only ever edited on disk or shipped with a
 * release have none.
 */
final class Provenance {
    private final KnowledgeVersions versions;
    private final Texts texts;
    private final DateTimeFormatter day;

    Provenance(KnowledgeVersions versions, Texts texts, ZoneId zone) {
        this.versions = versions;
        this.texts = texts;
        this.day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
    }

    /**
     * Sources by file name for a version made by {@code head} (null when the version exists already) on top of
     * version {@code parent}; the chain of kept versions is followed back through their parents.
     */
    Function<String, String> of(int parent, KnowledgeChange head) {
        return name -> {
            KnowledgeChange c = head;
            int n = parent;
            for (int steps = 0; steps <= KnowledgeVersions.KEPT + 1; steps++) {
                if (c != null && c.file().equals(name) && (c.action() == KnowledgeChange.Action.ADD
                        || c.action() == KnowledgeChange.Action.REPLACE)) {
                    return texts.get("source.uploaded", c.user(), day.format(c.at()));
                }
                if (c != null && c.file().equals(name) && c.action() == KnowledgeChange.Action.TAKE) {
                    // The release's text replaced the upload: no admin wrote it.
                    return "";
                }
                Optional<KnowledgeChange> older = n > 0 ? versions.change(n) : Optional.empty();
                if (older.isEmpty()) {
                    return "";
                }
                c = older.get();
                n = c.parent();
            }
            return "";
        };
    }
}
