package org.coachbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** Calls Bot API methods over HTTP with JSON (and multipart for photos); every failure becomes one exception. */
public final class BotApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TelegramSettings settings;
    private final HttpClient http;

    public BotApi(TelegramSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Calls a method and returns its {@code result}; {@code wait} bounds a long poll. */
    public JsonNode call(String method, ObjectNode body, Duration wait) {
        HttpRequest request = HttpRequest.newBuilder(methodUri(method))
                .timeout(wait.plusSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        return send(request);
    }

    public JsonNode call(String method, ObjectNode body) {
        return call(method, body, Duration.ZERO);
    }

    /** Sends a PNG with sendPhoto as multipart form data. */
    public JsonNode sendPhoto(long chatId, byte[] png, String captionHtml) {
        String boundary = "coachbot" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "chat_id", Long.toString(chatId));
        if (!captionHtml.isEmpty()) {
            field(body, boundary, "caption", captionHtml);
            field(body, boundary, "parse_mode", "HTML");
        }
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"chart.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n");
        body.writeBytes(png);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest request = HttpRequest.newBuilder(methodUri("sendPhoto"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return send(request);
    }

    /**
     * Sends a file with sendDocument as multipart form data; the file is read from disk while the request goes
     * out, so a large export is never held in memory.
     */
    public JsonNode sendDocument(long chatId, Path file, String fileName, String captionHtml) {
        String boundary = "coachbot" + UUID.randomUUID();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        field(head, boundary, "chat_id", Long.toString(chatId));
        if (!captionHtml.isEmpty()) {
            field(head, boundary, "caption", captionHtml);
            field(head, boundary, "parse_mode", "HTML");
        }
        // RFC 7578: the file name in UTF-8 inside the quotes, which Telegram shows as it is.
        write(head, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\""
                + fileName.replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        HttpRequest.BodyPublisher content;
        try {
            content = HttpRequest.BodyPublishers.ofFile(file);
        } catch (IOException e) {
            throw new TelegramApiException(400, "cannot read " + file + ": " + e.getMessage(), 0);
        }
        HttpRequest request = HttpRequest.newBuilder(methodUri("sendDocument"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head.toByteArray()),
                        content, HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n",
                                StandardCharsets.UTF_8)))
                .build();
        return send(request);
    }

    /** Downloads a file by the {@code file_path} getFile returned, from the same base URL. */
    public byte[] download(String filePath) throws IOException {
        URI uri = URI.create(settings.apiBaseUrl() + "/file/bot" + settings.token() + "/" + filePath);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("file download answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading a file", e);
        }
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new TelegramApiException(0, settings.mask(reason), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramApiException(0, "interrupted", 0);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new TelegramApiException(response.statusCode() >= 500 ? response.statusCode() : 502,
                    "answer is not JSON", 0);
        }
        if (answer.path("ok").asBoolean(false)) {
            return answer.path("result");
        }
        int code = answer.path("error_code").asInt(response.statusCode());
        throw new TelegramApiException(code, settings.mask(answer.path("description").asText("")),
                answer.path("parameters").path("retry_after").asInt(0));
    }

    private URI methodUri(String method) {
        return URI.create(settings.apiBaseUrl() + "/bot" + settings.token() + "/" + method);
    }

    private static void field(ByteArrayOutputStream out, String boundary, String name, String value) {
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
