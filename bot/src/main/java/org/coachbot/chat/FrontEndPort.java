package org.coachbot.chat;

import java.io.IOException;
import java.util.Objects;

/**
 * The way from the features to the users, created before both: features are built with it, and the front end that
 * delivers (Telegram, the console) plugs in once it is built around the router. Until then sending fails, saying
 * so; nothing is sent before a front end starts anyway, since the features' background work starts after it.
 */
public final class FrontEndPort implements Messenger, Notifier, FileFetcher {
    private volatile Messenger messenger;
    private volatile Notifier admins;
    private volatile FileFetcher files;

    /** Plugs in the front end that delivers from now on. */
    public void connect(Messenger messenger, Notifier admins, FileFetcher files) {
        this.admins = Objects.requireNonNull(admins, "admins must not be null");
        this.files = Objects.requireNonNull(files, "files must not be null");
        this.messenger = Objects.requireNonNull(messenger, "messenger must not be null");
    }

    @Override
    public void send(long chatId, Reply reply) {
        connected(messenger).send(chatId, reply);
    }

    @Override
    public void notifyAdmins(Reply reply) {
        connected(admins).notifyAdmins(reply);
    }

    @Override
    public byte[] fetch(Document document) throws IOException {
        return connected(files).fetch(document);
    }

    private static <T> T connected(T part) {
        if (part == null) {
            throw new IllegalStateException("no front end is connected yet; connect one before the features start");
        }
        return part;
    }
}
