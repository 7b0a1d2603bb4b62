package org.coachbot.testing;

import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;

import java.util.ArrayList;
import java.util.List;

/** Keeps every reply the desk sends, for assertions. */
public final class RecordingResponder implements Responder {
    public final List<Reply> replies = new ArrayList<>();

    @Override
    public void send(Reply reply) {
        replies.add(reply);
    }

    @Override
    public Status status(String html) {
        replies.add(Reply.html(html));
        return update -> replies.add(Reply.html(update));
    }

    /** All text sent so far, joined. */
    public String text() {
        return String.join("\n---\n", replies.stream().map(Reply::html).toList());
    }

    public List<Reply> images() {
        return replies.stream().filter(Reply::hasImage).toList();
    }

    public Reply last() {
        return replies.get(replies.size() - 1);
    }

    public void clear() {
        replies.clear();
    }
}
