package org.coachbot.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing texts of one feature, read from {@code i18n/<feature>.properties} (UTF-8). Keeping them out of
 * the code lets trainers reword the bot without touching Java.
 */
public final class Texts {
    private final ResourceBundle bundle;
    private final String name;

    private Texts(String name) {
        this.name = name;
        this.bundle = ResourceBundle.getBundle("i18n." + name, Locale.ROOT);
    }

    /** Loads the bundle of a feature, e.g. {@code of("chat")}. */
    public static Texts of(String feature) {
        return new Texts(feature);
    }

    /** Whether the bundle has a text for the key. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for a key, with {@code {0}}-style arguments filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("text " + key + " is missing from i18n/" + name + ".properties", e);
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(args);
    }
}
