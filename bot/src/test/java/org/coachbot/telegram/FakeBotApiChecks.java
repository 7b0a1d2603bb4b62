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
                return buttons(body.get("reply_markup"), body.path("chat_id").asLong());
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
            case "sendDocument" -> {
                String caption = body.path("caption").asText();
                if (html && FakeTelegramHtml.problem(caption).isPresent()) {
                    return FakeTelegramHtml.problem(caption).get();
                }
                if ((html ? FakeTelegramHtml.visible(caption) : caption).length() > 1024) {
                    return "Bad Request: message caption is too long";
                }
                if (body.path("document_bytes").asInt(0) == 0) {
                    return "Bad Request: file must be non-empty";
                }
                return null;
            }
            case "answerInlineQuery" -> {
                return inlineResults(body.path("results"));
            }
            default -> {
                return null;
            }
        }
    }

    /** Telegram takes at most 50 results, each with an id of 1-64 bytes and a message it can parse. */
    private static String inlineResults(JsonNode results) {
        try {
            JsonNode list = results.isTextual() ? JSON.readTree(results.asText()) : results;
            if (list.size() > 50) {
                return "Bad Request: RESULTS_TOO_MUCH";
            }
            for (JsonNode r : list) {
                int id = r.path("id").asText().getBytes(StandardCharsets.UTF_8).length;
                if (id < 1 || id > 64) {
                    return "Bad Request: RESULT_ID_INVALID";
                }
                JsonNode content = r.path("input_message_content");
                String text = content.path("message_text").asText();
                if (text.isEmpty()) {
                    return "Bad Request: MESSAGE_EMPTY";
                }
                if ("HTML".equalsIgnoreCase(content.path("parse_mode").asText())
                        && FakeTelegramHtml.problem(text).isPresent()) {
                    return FakeTelegramHtml.problem(text).get();
                }
            }
            return null;
        } catch (java.io.IOException e) {
            return "Bad Request: can't parse inline query results JSON object";
        }
    }

    private static String buttons(JsonNode markup, long chatId) {
        if (markup == null || markup.isNull()) {
            return null;
        }
        try {
            JsonNode m = markup.isTextual() ? JSON.readTree(markup.asText()) : markup;
            for (JsonNode row : m.path("inline_keyboard")) {
                for (JsonNode button : row) {
                    if (button.has("web_app")) {
                        // Mini Apps open over HTTPS only, and only from private chats.
                        if (!button.path("web_app").path("url").asText().startsWith("https://")) {
                            return "Bad Request: BUTTON_URL_INVALID";
                        }
                        if (chatId < 0) {
                            return "Bad Request: BUTTON_TYPE_INVALID";
                        }
                        continue;
                    }
                    if (button.has("url")) {
                        String url = button.path("url").asText();
                        if (!url.startsWith("https://") && !url.startsWith("http://") && !url.startsWith("tg://")) {
                            return "Bad Request: BUTTON_URL_INVALID";
                        }
                        continue;
                    }
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
