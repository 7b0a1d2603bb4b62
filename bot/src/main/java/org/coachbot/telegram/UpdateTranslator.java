package org.coachbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import org.coachbot.chat.Document;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.User;

import java.util.Optional;
import java.util.Set;

/** Turns a Telegram update into our own {@link Incoming} record. */
final class UpdateTranslator {
    private final Set<Long> adminIds;

    UpdateTranslator(Set<Long> adminIds) {
        this.adminIds = adminIds;
    }

    /** Empty for updates the bot does not answer (edited messages, channel posts, joins). */
    Optional<Incoming> translate(JsonNode update) {
        if (update.has("callback_query")) {
            JsonNode q = update.path("callback_query");
            long chat = q.path("message").path("chat").path("id").asLong(q.path("from").path("id").asLong());
            return Optional.of(Incoming.button(user(q.path("from")), chat, q.path("data").asText("")));
        }
        JsonNode m = update.path("message");
        if (m.isMissingNode() || !m.has("from")) {
            return Optional.empty();
        }
        User user = user(m.path("from"));
        long chat = m.path("chat").path("id").asLong();
        if (m.has("text")) {
            return Optional.of(Incoming.text(user, chat, m.path("text").asText()));
        }
        if (m.has("document")) {
            JsonNode d = m.path("document");
            return Optional.of(Incoming.document(user, chat, new Document(d.path("file_id").asText(),
                    d.path("file_name").asText(""), d.path("file_size").asLong(0)), m.path("caption").asText("")));
        }
        return Optional.of(Incoming.unsupported(user, chat));
    }

    private User user(JsonNode from) {
        long id = from.path("id").asLong();
        String name = (from.path("first_name").asText("") + " " + from.path("last_name").asText("")).strip();
        return new User(id, name.isEmpty() ? from.path("username").asText("?") : name, adminIds.contains(id));
    }
}
