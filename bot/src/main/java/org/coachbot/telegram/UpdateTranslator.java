package org.coachbot.telegram;

import static java.util.Objects.requireNonNullElse;

import org.coachbot.chat.Document;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.User;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.util.Optional;
import java.util.Set;

/** Turns a Telegram update into our own {@link Incoming} record. */
final class UpdateTranslator {
    private final Set<Long> adminIds;

    UpdateTranslator(Set<Long> adminIds) {
        this.adminIds = adminIds;
    }

    /** Empty for updates the bot does not answer (edited messages, channel posts, joins). */
    Optional<Incoming> translate(Update update) {
        if (update.hasCallbackQuery()) {
            CallbackQuery q = update.getCallbackQuery();
            long chat = q.getMessage() != null ? q.getMessage().getChatId() : q.getFrom().getId();
            return Optional.of(Incoming.button(user(q.getFrom()), chat, requireNonNullElse(q.getData(), "")));
        }
        Message m = update.getMessage();
        if (m == null || m.getFrom() == null) {
            return Optional.empty();
        }
        User user = user(m.getFrom());
        long chat = m.getChatId();
        if (m.hasText()) {
            return Optional.of(Incoming.text(user, chat, m.getText()));
        }
        if (m.hasDocument()) {
            var d = m.getDocument();
            return Optional.of(Incoming.document(user, chat, new Document(d.getFileId(),
                    requireNonNullElse(d.getFileName(), ""), requireNonNullElse(d.getFileSize(), 0L)),
                    requireNonNullElse(m.getCaption(), "")));
        }
        return Optional.of(Incoming.unsupported(user, chat));
    }

    private User user(org.telegram.telegrambots.meta.api.objects.User from) {
        long id = from.getId();
        String name = (requireNonNullElse(from.getFirstName(), "") + " "
                + requireNonNullElse(from.getLastName(), "")).strip();
        return new User(id, name.isEmpty() ? requireNonNullElse(from.getUserName(), "?") : name,
                adminIds.contains(id));
    }
}
