package org.coachbot.admin;

import org.coachbot.chat.Access;
import org.coachbot.chat.Feature;
import org.coachbot.chat.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

/**
 * Knowledge administration in the chat ({@code /kb}, {@code /reload}, {@code /rollback}, uploads, the delete
 * confirmation), all for admins only, and the watcher that makes files edited on disk go live while the bot runs.
 */
public final class KnowledgeFeature {
    private static final Logger log = LoggerFactory.getLogger(KnowledgeFeature.class);
    private final KnowledgeDesk desk;
    private final KnowledgeChanges changes;
    private final Notifier admins;
    private final Duration debounce;
    private FolderWatcher watcher;

    /**
     * @param admins   told when a file edited on disk breaks its format
     * @param debounce the quiet time after the last change on disk before reloading
     */
    public KnowledgeFeature(KnowledgeDesk desk, KnowledgeChanges changes, Notifier admins, Duration debounce) {
        this.desk = desk;
        this.changes = changes;
        this.admins = admins;
        this.debounce = debounce;
    }

    /** The declarations; the watcher runs between the feature's start and stop. */
    public Feature feature() {
        return Feature.named("admin")
                .command("kb", Access.ADMIN, desk::kb)
                .command("reload", Access.ADMIN, desk::reload)
                .command("rollback", Access.ADMIN, desk::rollback)
                .documents(Access.ADMIN, desk::onDocument)
                .buttons(KnowledgeDesk.BUTTON_PREFIX, Access.ADMIN, desk::onButton)
                .lifecycle(this::watch, this::unwatch)
                .build();
    }

    private synchronized void watch() {
        try {
            watcher = new FolderWatcher(changes, admins, debounce).start();
        } catch (IOException e) {
            log.warn("cannot watch {} for changes; use /reload after editing files", changes.folder(), e);
        }
    }

    private synchronized void unwatch() {
        if (watcher == null) {
            return;
        }
        try {
            watcher.close();
        } catch (IOException e) {
            log.debug("closing the folder watcher", e);
        }
        watcher = null;
    }
}
