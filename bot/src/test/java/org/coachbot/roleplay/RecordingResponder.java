package org.coachbot.roleplay;

import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;

import java.util.ArrayList;
import java.util.List;

/** Keeps every reply the desk sends, for assertions. */
final class RecordingResponder implements Responder {
    final List<Reply> replies = new ArrayList<>();

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
    String text() {
        return String.join("\n---\n", replies.stream().map(Reply::html).toList());
    }

    List<Reply> images() {
        return replies.stream().filter(Reply::hasImage).toList();
    }

    Reply last() {
        return replies.get(replies.size() - 1);
    }

    void clear() {
        replies.clear();
    }
}
