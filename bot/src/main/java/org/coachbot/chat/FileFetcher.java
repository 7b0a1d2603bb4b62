package org.coachbot.chat;

import java.io.IOException;

/** Downloads the bytes of a document a user sent; each front end knows where its files live. */
@FunctionalInterface
public interface FileFetcher {

    /** Returns the file's content; throws when the file cannot be fetched (the caller tells the user). */
    byte[] fetch(Document document) throws IOException;
}
