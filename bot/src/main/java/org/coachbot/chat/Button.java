package org.coachbot.chat;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An inline button. Most buttons send their data back to the core when pressed; a {@link Kind#URL} button opens
 * a web address, a {@link Kind#WEB_APP} button opens a page of the bot's inside Telegram (a Mini App, private
 * chats only), and a {@link Kind#PRIVATE_START} button opens the user's private chat with the bot, which then
 * receives {@code /start <data>} (on Telegram a {@code t.me/<bot>?start=<data>} link).
 */
public record Button(String label, String data, Kind kind) {
    /** Telegram rejects callback data longer than 64 bytes. */
    public static final int MAX_DATA_BYTES = 64;
    /** What Telegram allows as a {@code start} parameter: 1 to 64 of A-Z, a-z, 0-9, _ and -. */
    private static final Pattern START_PAYLOAD = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** What pressing the button does. */
    public enum Kind { CALLBACK, URL, PRIVATE_START, WEB_APP }

    public Button {
        Objects.requireNonNull(label, "label must not be null");
        Objects.requireNonNull(data, "data must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        switch (kind) {
            case CALLBACK -> {
                if (data.getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
                    throw new IllegalArgumentException("button data must be <= 64 bytes: " + data);
                }
            }
            case URL -> {
                if (!data.startsWith("https://") && !data.startsWith("http://")) {
                    throw new IllegalArgumentException("a URL button needs an http(s) address: " + data);
                }
            }
            case WEB_APP -> {
                // Telegram opens Mini Apps over HTTPS only.
                if (!data.startsWith("https://")) {
                    throw new IllegalArgumentException("a web app button needs an https address: " + data);
                }
            }
            case PRIVATE_START -> {
                if (!START_PAYLOAD.matcher(data).matches()) {
                    throw new IllegalArgumentException("a start payload must be 1-64 of A-Z a-z 0-9 _ -: " + data);
                }
            }
        }
    }

    /** A button whose data comes back to the core when pressed. */
    public Button(String label, String data) {
        this(label, data, Kind.CALLBACK);
    }

    /** A button that opens a web address. */
    public static Button url(String label, String url) {
        return new Button(label, url, Kind.URL);
    }

    /** A button that opens a page inside Telegram as a Mini App; Telegram shows it in private chats only. */
    public static Button webApp(String label, String url) {
        return new Button(label, url, Kind.WEB_APP);
    }

    /** A button that opens the private chat with the bot and sends it {@code /start <payload>}. */
    public static Button privateStart(String label, String payload) {
        return new Button(label, payload, Kind.PRIVATE_START);
    }
}
