package org.coachbot.chat;

import java.util.List;

/**
 * What the core answers: HTML text (dynamic parts already escaped with {@link Html#escape}), optional rows of
 * inline buttons, or a PNG image with the text as its caption.
 */
public record Reply(String html, List<List<Button>> buttons, byte[] png) {

    public Reply {
        html = html == null ? "" : html;
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
        if (html.isEmpty() && png == null) {
            throw new IllegalArgumentException("a reply needs text or an image");
        }
    }

    public static Reply html(String html) {
        return new Reply(html, List.of(), null);
    }

    public static Reply html(String html, List<List<Button>> buttons) {
        return new Reply(html, buttons, null);
    }

    public static Reply image(byte[] png, String captionHtml) {
        return new Reply(captionHtml, List.of(), png);
    }

    public boolean hasImage() {
        return png != null;
    }
}
