package org.coachbot.config;

/**
 * Thrown when a setting has an invalid value. The message is one line naming the key, the bad value and what
 * is expected; the program prints it and exits with code 2, since retrying with the same settings cannot help.
 */
public class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String value, String expected) {
        super("invalid setting " + key + "=" + quote(value) + ": expected " + expected);
        this.key = key;
    }

    public String key() {
        return key;
    }

    private static String quote(String value) {
        return value == null ? "(missing)" : "\"" + value + "\"";
    }
}
