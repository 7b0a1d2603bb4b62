package org.coachbot.chat;

import java.nio.file.Path;
import java.util.List;

/**
 * What the core answers: HTML text (dynamic parts already escaped with {@link Html#escape}), optional rows of
 * inline buttons, and at most one of a PNG image or a file, each with the text as its caption.
 */
public record Reply(String html, List<List<Button>> buttons, byte[] png, Attachment file) {

    public Reply {
        html = html == null ? "" : html;
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
        if (html.isEmpty() && png == null && file == null) {
            throw new IllegalArgumentException("a reply needs text, an image or a file");
        }
        if (png != null && file != null) {
            throw new IllegalArgumentException("a reply carries an image or a file, not both");
        }
    }

    public Reply(String html, List<List<Button>> buttons, byte[] png) {
        this(html, buttons, png, null);
    }

    public static Reply html(String html) {
        return new Reply(html, List.of(), null, null);
    }

    public static Reply html(String html, List<List<Button>> buttons) {
        return new Reply(html, buttons, null, null);
    }

    public static Reply image(byte[] png, String captionHtml) {
        return new Reply(captionHtml, List.of(), png, null);
    }

    /** A file read from {@code path} when it is sent, shown to the user as {@code fileName}. */
    public static Reply file(Path path, String fileName, String captionHtml) {
        return new Reply(captionHtml, List.of(), null, new Attachment(path, fileName));
    }

    public boolean hasImage() {
        return png != null;
    }

    public boolean hasFile() {
        return file != null;
    }
}
