package org.coachbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.coachbot.chat.Button;
import org.coachbot.chat.Html;
import org.coachbot.chat.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Supplier;

/**
 * Delivers replies the way Telegram accepts them: split below 4096 units, throttled, resent after a 429's
 * {@code retry_after}, retried with bounded back-off on 5xx and network errors, and sent as plain text when
 * Telegram cannot parse the HTML. A part Telegram accepted is never sent again.
 */
public final class Delivery {
    /** Telegram's limit for a photo caption. */
    static final int CAPTION_LIMIT = 1024;
    /** Tries for 5xx and network errors: 0.5 + 1 + 2 + 4 s of back-off before giving up. */
    static final int MAX_TRIES = 5;
    /** A flood of 429s means something is wrong; stop after this many waits instead of looping forever. */
    static final int MAX_RATE_LIMIT_WAITS = 10;
    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private final BotApi api;
    private final Throttle throttle;
    private final Throttle.Sleeper sleeper;
    private final MessageSplitter splitter = new MessageSplitter();

    public Delivery(BotApi api, Throttle throttle, Throttle.Sleeper sleeper) {
        this.api = api;
        this.throttle = throttle;
        this.sleeper = sleeper;
    }

    /** Sends one reply; returns the id of the last message sent, or -1 if nothing could be delivered. */
    public long send(long chatId, Reply reply) {
        String text = reply.html();
        if (reply.hasImage()) {
            String caption = text.length() <= CAPTION_LIMIT ? text : "";
            JsonNode sent = deliver(chatId, () -> api.sendPhoto(chatId, reply.png(), caption));
            if (!caption.isEmpty() || text.isEmpty()) {
                return sent == null ? -1 : sent.path("message_id").asLong(-1);
            }
        }
        List<String> parts = splitter.split(text);
        long last = -1;
        for (int i = 0; i < parts.size(); i++) {
            // Buttons belong under the last part, where the user finishes reading.
            List<List<Button>> buttons = i == parts.size() - 1 ? reply.buttons() : List.of();
            last = sendText(chatId, parts.get(i), buttons);
        }
        return last;
    }

    /** Replaces the text of a message sent earlier, e.g. a progress status. */
    public void edit(long chatId, long messageId, String html) {
        ObjectNode body = api.object().put("chat_id", chatId).put("message_id", messageId).put("text", html)
                .put("parse_mode", "HTML");
        try {
            deliver(chatId, () -> api.call("editMessageText", body));
        } catch (TelegramApiException e) {
            if (!e.getMessage().contains("message is not modified")) {
                log.warn("cannot edit message {} in chat {}: {}", messageId, chatId, e.getMessage());
            }
        }
    }

    /**
     * Replaces the text and buttons of a message sent earlier (a tip expanded in place). Returns false when Telegram
     * refuses the edit (message too old or deleted, text too long), so the caller can send the reply instead.
     */
    public boolean replace(long chatId, long messageId, Reply reply) {
        if (reply.html().length() > MessageSplitter.TELEGRAM_LIMIT) {
            return false;
        }
        ObjectNode body = api.object().put("chat_id", chatId).put("message_id", messageId)
                .put("text", reply.html()).put("parse_mode", "HTML");
        body.set("reply_markup", keyboard(reply.buttons()));
        try {
            deliver(chatId, () -> api.call("editMessageText", body));
            return true;
        } catch (TelegramApiException e) {
            if (e.getMessage().contains("message is not modified")) {
                return true;
            }
            log.warn("cannot replace message {} in chat {}, sending a new one: {}", messageId, chatId, e.getMessage());
            return false;
        }
    }

    /** Shows "typing…"; best effort, never retried. */
    public void typing(long chatId) {
        try {
            api.call("sendChatAction", api.object().put("chat_id", chatId).put("action", "typing"));
        } catch (TelegramApiException e) {
            log.debug("typing action failed in chat {}: {}", chatId, e.getMessage());
        }
    }

    private long sendText(long chatId, String html, List<List<Button>> buttons) {
        ObjectNode body = api.object().put("chat_id", chatId).put("text", html).put("parse_mode", "HTML");
        if (!buttons.isEmpty()) {
            body.set("reply_markup", keyboard(buttons));
        }
        try {
            JsonNode sent = deliver(chatId, () -> api.call("sendMessage", body));
            return sent == null ? -1 : sent.path("message_id").asLong(-1);
        } catch (TelegramApiException e) {
            if (!e.cannotParseEntities()) {
                throw e;
            }
            log.warn("Telegram could not parse the HTML of a reply in chat {}; sending it as plain text", chatId);
            body.remove("parse_mode");
            body.put("text", Html.toPlain(html));
            JsonNode sent = deliver(chatId, () -> api.call("sendMessage", body));
            return sent == null ? -1 : sent.path("message_id").asLong(-1);
        }
    }

    private ObjectNode keyboard(List<List<Button>> rows) {
        ObjectNode markup = api.object();
        ArrayNode keyboard = markup.putArray("inline_keyboard");
        for (List<Button> row : rows) {
            ArrayNode line = keyboard.addArray();
            row.forEach(b -> line.addObject().put("text", b.label()).put("callback_data", b.data()));
        }
        return markup;
    }

    /** Runs one API call under the throttle, retrying what a retry can fix. */
    private JsonNode deliver(long chatId, Supplier<JsonNode> call) {
        int failures = 0;
        int rateLimited = 0;
        try {
            while (true) {
                throttle.acquire(chatId);
                try {
                    return call.get();
                } catch (TelegramApiException e) {
                    if (e.errorCode() == 429 && ++rateLimited <= MAX_RATE_LIMIT_WAITS) {
                        log.info("Telegram asked to wait {} s before sending to chat {}", e.retryAfterSeconds(), chatId);
                        sleeper.sleep(Math.max(1, e.retryAfterSeconds()) * 1000L);
                    } else if (e.retryable() && e.errorCode() != 429 && ++failures < MAX_TRIES) {
                        sleeper.sleep(500L << (failures - 1));
                    } else {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramApiException(0, "interrupted while sending to chat " + chatId, 0);
        }
    }
}
