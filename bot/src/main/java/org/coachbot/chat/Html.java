package org.coachbot.chat;

/** Telegram HTML helpers: every piece of user or file text goes through {@link #escape} before it is sent. */
public final class Html {
    private Html() {
    }

    /** Escapes the three characters Telegram's HTML parse mode reserves. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Bold, with the text escaped. */
    public static String bold(String text) {
        return "<b>" + escape(text) + "</b>";
    }

    /** Italic, with the text escaped. */
    public static String italic(String text) {
        return "<i>" + escape(text) + "</i>";
    }

    /** Removes tags and undoes the escapes, for front ends that show plain text. */
    public static String toPlain(String html) {
        return html.replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
