package org.coachbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** The 400 Bad Request answers Telegram gives to messages it will not take, as far as the bot can run into them. */
final class FakeBotApiChecks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeBotApiChecks() {
    }

    /** Telegram's description of why it refuses the call, or null when it accepts it. */
    static String refusal(String method, JsonNode body, Map<Long, String> messages) {
        boolean html = "HTML".equalsIgnoreCase(body.path("parse_mode").asText());
        switch (method) {
            case "sendMessage", "editMessageText" -> {
                String text = body.path("text").asText();
                if (text.isEmpty()) {
                    return "Bad Request: message text is empty";
                }
                if (html) {
                    Optional<String> problem = FakeTelegramHtml.problem(text);
                    if (problem.isPresent()) {
                        return problem.get();
                    }
                }
                if ((html ? FakeTelegramHtml.visible(text) : text).length() > 4096) {
                    return "Bad Request: message is too long";
                }
                if (method.equals("editMessageText")) {
                    String before = messages.get(body.path("message_id").asLong());
                    if (before == null) {
                        return "Bad Request: message to edit not found";
                    }
                    if (before.equals(text)) {
                        return "Bad Request: message is not modified: specified new message content and reply "
                                + "markup are exactly the same as a current content and reply markup of the message";
                    }
                }
                return buttons(body.get("reply_markup"));
            }
            case "sendPhoto" -> {
                String caption = body.path("caption").asText();
                if (html && FakeTelegramHtml.problem(caption).isPresent()) {
                    return FakeTelegramHtml.problem(caption).get();
                }
                if ((html ? FakeTelegramHtml.visible(caption) : caption).length() > 1024) {
                    return "Bad Request: message caption is too long";
                }
                if (body.path("photo_bytes").asInt(0) == 0) {
                    return "Bad Request: there is no photo in the request";
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static String buttons(JsonNode markup) {
        if (markup == null || markup.isNull()) {
            return null;
        }
        try {
            JsonNode m = markup.isTextual() ? JSON.readTree(markup.asText()) : markup;
            for (JsonNode row : m.path("inline_keyboard")) {
                for (JsonNode button : row) {
                    int bytes = button.path("callback_data").asText().getBytes(StandardCharsets.UTF_8).length;
                    if (bytes < 1 || bytes > 64) {
                        return "Bad Request: BUTTON_DATA_INVALID";
                    }
                }
            }
            return null;
        } catch (java.io.IOException e) {
            return "Bad Request: can't parse reply keyboard markup JSON object";
        }
    }
}
