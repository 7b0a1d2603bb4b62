package org.coachbot.telegram;

import static java.util.Objects.requireNonNullElse;

import org.coachbot.chat.Document;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.InlineQuery;
import org.coachbot.chat.User;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Telegram update into our own records: an {@link Incoming} (with, in a group, whether the message was
 * meant for the bot and whom it replies to) or an {@link InlineQuery}.
 */
final class UpdateTranslator {
    /** {@code /command} or {@code /command@SomeBot} at the start of a message. */
    private static final Pattern COMMAND = Pattern.compile("^/[A-Za-z0-9_]+(?:@([A-Za-z0-9_]+))?");
    private final Set<Long> adminIds;
    private final Set<Long> supervisorIds;
    private final Supplier<BotIdentity> bot;

    UpdateTranslator(Set<Long> adminIds, Set<Long> supervisorIds, Supplier<BotIdentity> bot) {
        this.adminIds = adminIds;
        this.supervisorIds = supervisorIds;
        this.bot = bot;
    }

    /** Empty for updates the bot does not answer (edited messages, channel posts, joins, inline queries). */
    Optional<Incoming> translate(Update update) {
        if (update.hasCallbackQuery()) {
            CallbackQuery q = update.getCallbackQuery();
            long chat = q.getMessage() != null ? q.getMessage().getChatId() : q.getFrom().getId();
            Incoming pressed = Incoming.button(user(q.getFrom()), chat, requireNonNullElse(q.getData(), ""));
            // A button is always meant for the bot: it sits under one of the bot's own messages. Private chats have
            // the user's id, which is positive; groups have negative ids.
            return Optional.of((chat < 0 ? pressed.at(Incoming.Where.group(true, null)) : pressed)
                    .from(update.getUpdateId()));
        }
        Message m = update.getMessage();
        if (m == null || m.getFrom() == null) {
            return Optional.empty();
        }
        User user = user(m.getFrom());
        long chat = m.getChatId();
        boolean group = m.getChat() != null && (Boolean.TRUE.equals(m.getChat().isGroupChat())
                || Boolean.TRUE.equals(m.getChat().isSuperGroupChat()));
        Incoming in;
        if (m.hasText()) {
            in = Incoming.text(user, chat, group ? withoutMention(m.getText()) : m.getText());
        } else if (m.hasDocument()) {
            var d = m.getDocument();
            in = Incoming.document(user, chat, new Document(d.getFileId(),
                    requireNonNullElse(d.getFileName(), ""), requireNonNullElse(d.getFileSize(), 0L)),
                    requireNonNullElse(m.getCaption(), ""));
        } else {
            in = Incoming.unsupported(user, chat);
        }
        return Optional.of((group ? in.at(Incoming.Where.group(addressed(m), repliedTo(m))) : in)
                .from(update.getUpdateId()));
    }

    /** The inline query in the update, if it is one. */
    Optional<InlineQuery> inline(Update update) {
        if (!update.hasInlineQuery() || update.getInlineQuery().getFrom() == null) {
            return Optional.empty();
        }
        return Optional.of(new InlineQuery(user(update.getInlineQuery().getFrom()),
                requireNonNullElse(update.getInlineQuery().getQuery(), "")));
    }

    /**
     * Meant for the bot: a command without a bot name or with this bot's, a mention of the bot, or a reply to one
     * of its messages. A command for another bot ({@code /help@OtherBot}) is not.
     */
    private boolean addressed(Message m) {
        BotIdentity me = bot.get();
        String text = requireNonNullElse(m.hasText() ? m.getText() : m.getCaption(), "");
        Matcher command = COMMAND.matcher(text);
        if (command.find()) {
            return command.group(1) == null || command.group(1).equalsIgnoreCase(me.username());
        }
        if (!me.username().isEmpty() && text.toLowerCase(Locale.ROOT).contains("@" + me.username()
                .toLowerCase(Locale.ROOT))) {
            return true;
        }
        Message replied = m.getReplyToMessage();
        return replied != null && replied.getFrom() != null && replied.getFrom().getId() == me.id();
    }

    /** The person the message replies to; not a bot, and not the sender replying to themselves. */
    private User repliedTo(Message m) {
        Message replied = m.getReplyToMessage();
        if (replied == null || replied.getFrom() == null || Boolean.TRUE.equals(replied.getFrom().getIsBot())
                || replied.getFrom().getId().equals(m.getFrom().getId())) {
            return null;
        }
        return user(replied.getFrom());
    }

    /** The text with the mention of the bot taken out, so "@CoachBot 客户不说话怎么办" is asked as a question. */
    private String withoutMention(String text) {
        String name = bot.get().username();
        if (name.isEmpty() || COMMAND.matcher(text).find()) {
            return text;
        }
        return text.replaceAll("(?i)@" + Pattern.quote(name) + "\\b", " ").strip();
    }

    private User user(org.telegram.telegrambots.meta.api.objects.User from) {
        long id = from.getId();
        String name = (requireNonNullElse(from.getFirstName(), "") + " "
                + requireNonNullElse(from.getLastName(), "")).strip();
        String username = requireNonNullElse(from.getUserName(), "");
        return new User(id, name.isEmpty() ? (username.isEmpty() ? "?" : username) : name, username,
                adminIds.contains(id), supervisorIds.contains(id));
    }
}
