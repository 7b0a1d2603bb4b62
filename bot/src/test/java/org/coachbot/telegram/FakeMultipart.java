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
            String name = headers.substring(at + 6, headers.indexOf('"', at + 6));
            if (headers.contains("filename=")) {
                out.put(name + "_bytes", value.length());
            } else {
                out.put(name, new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
        }
        // Telegram's files are referenced as attach://<name>; the field then gets the size of the file.
        out.properties().stream().filter(e -> e.getValue().asText().startsWith("attach://")).toList()
                .forEach(e -> out.put(e.getKey() + "_bytes",
                        out.path(e.getValue().asText().substring(9) + "_bytes").asInt(0)));
        return out;
    }
}
