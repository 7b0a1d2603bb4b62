package org.coachbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/** Reads a multipart/form-data body into JSON: text fields as strings, files as their size in bytes. */
final class FakeMultipart {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeMultipart() {
    }

    static ObjectNode parse(String contentType, byte[] raw) {
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
        // ISO-8859-1 keeps one char per byte, so offsets and file sizes are exact.
        String body = new String(raw, StandardCharsets.ISO_8859_1);
        ObjectNode out = JSON.createObjectNode();
        for (String part : body.split(java.util.regex.Pattern.quote(boundary))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            String headers = part.substring(0, split);
            String value = part.substring(split + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            int at = headers.indexOf("name=\"");
            if (at < 0) {
                continue;
            }
            // Field names are UTF-8 too: telegrambots names a file's part after the file.
            String name = new String(headers.substring(at + 6, headers.indexOf('"', at + 6))
                    .getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            if (headers.contains("filename=")) {
                out.put(name + "_bytes", value.length());
                int file = headers.indexOf("filename=\"");
                if (file >= 0) {
                    String fileName = headers.substring(file + 10, headers.indexOf('"', file + 10));
                    out.put(name + "_file_name", new String(fileName.getBytes(StandardCharsets.ISO_8859_1),
                            StandardCharsets.UTF_8));
                }
                // A document's content as text, for tests that check what a file said.
                out.put(name + "_text", new String(value.getBytes(StandardCharsets.ISO_8859_1),
                        StandardCharsets.UTF_8));
            } else {
                out.put(name, new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
        }
        // Telegram's files are referenced as attach://<name>; the field then gets the size of the file.
        out.properties().stream().filter(e -> e.getValue().asText().startsWith("attach://")).toList()
                .forEach(e -> {
                    String part = e.getValue().asText().substring(9);
                    out.put(e.getKey() + "_bytes", out.path(part + "_bytes").asInt(0));
                    if (out.has(part + "_file_name")) {
                        out.put(e.getKey() + "_file_name", out.path(part + "_file_name").asText());
                        out.put(e.getKey() + "_text", out.path(part + "_text").asText());
                    }
                });
        return out;
    }
}
