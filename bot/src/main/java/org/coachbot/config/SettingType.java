package org.coachbot.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a setting's text is read and checked, what the error message says is expected, and how a value is written
 * back into {@code application.yaml}. The bounds live here, so the file's comment and the error show the same ones.
 *
 * @param <T> the value callers get from {@link BotConfig#get(Setting)}
 */
final class SettingType<T> {
    /** Text YAML reads back as the same text without quotes: no number, no yes/no/null, no ": " or "#". */
    private static final Pattern PLAIN_YAML = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./:@+-]*");
    private static final Pattern YAML_WORD = Pattern.compile(
            "(?i)true|false|yes|no|on|off|y|n|null|[-+]?[0-9.][0-9._eE+-]*|\\.inf|\\.nan");

    private final Parser<T> parser;
    private final String expected;
    private final Function<T, String> yaml;

    private SettingType(Parser<T> parser, String expected, Function<T, String> yaml) {
        this.parser = parser;
        this.expected = expected;
        this.yaml = yaml;
    }

    /** Reads a value; the text is stripped and not blank, since a blank value means the default. */
    @FunctionalInterface
    interface Parser<T> {
        /** Returns the value, or throws any exception when the text is not one. */
        T parse(String text) throws Exception;
    }

    /** Any text. */
    static SettingType<String> text() {
        return new SettingType<>(text -> text, "", SettingType::scalar);
    }

    /** Text matching {@code regex} in full. */
    static SettingType<String> matching(String regex, String expected) {
        Pattern pattern = Pattern.compile(regex);
        return new SettingType<>(text -> accept(text, pattern.matcher(text).matches()), expected,
                SettingType::scalar);
    }

    /** A whole number from {@code min} to {@code max}. */
    static SettingType<Integer> integer(int min, int max) {
        return new SettingType<>(text -> accept(Integer.parseInt(text), n -> n >= min && n <= max),
                "a whole number from " + min + " to " + max, String::valueOf);
    }

    /** A number from {@code min} to {@code max}. */
    static SettingType<Double> decimal(double min, double max) {
        return new SettingType<>(text -> accept(Double.parseDouble(text), n -> n >= min && n <= max),
                "a number from " + number(min) + " to " + number(max), SettingType::number);
    }

    /** A whole number of {@code unit}s from {@code min} to {@code max}; the key's name says the unit. */
    static SettingType<Duration> duration(ChronoUnit unit, long min, long max) {
        return new SettingType<>(
                text -> Duration.of(accept(Long.parseLong(text), n -> n >= min && n <= max), unit),
                "a whole number from " + min + " to " + max,
                d -> String.valueOf(d.toNanos() / unit.getDuration().toNanos()));
    }

    /** One of {@code choices}, in any case; the value is the choice as declared. */
    static SettingType<String> choice(String... choices) {
        List<String> all = List.of(choices);
        return new SettingType<>(text -> all.stream().filter(c -> c.equalsIgnoreCase(text)).findFirst()
                .orElseThrow(), "one of " + String.join(", ", all), SettingType::scalar);
    }

    /** One of the constants of {@code type}, written in lower case. */
    static <E extends Enum<E>> SettingType<E> enumeration(Class<E> type) {
        String names = Arrays.stream(type.getEnumConstants()).map(SettingType::lowerCase)
                .collect(Collectors.joining(", "));
        return new SettingType<>(text -> Enum.valueOf(type, text.toUpperCase(Locale.ROOT)), "one of " + names,
                SettingType::lowerCase);
    }

    /** An http:// or https:// URL, without a trailing slash. */
    static SettingType<URI> url() {
        return new SettingType<>(SettingType::parseUrl, "an http:// or https:// URL such as http://127.0.0.1:8081",
                uri -> scalar(uri.toString()));
    }

    /** An http:// or https:// URL of scheme, host and port only, to which a client adds its own paths. */
    static SettingType<URI> origin() {
        return new SettingType<>(text -> accept(parseUrl(text),
                uri -> (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null),
                "an http:// or https:// URL of scheme, host and port only, such as http://127.0.0.1:8081",
                uri -> scalar(uri.toString()));
    }

    /** A file or folder path. */
    static SettingType<Path> path() {
        return new SettingType<>(Path::of, "a file or folder path", path -> scalar(path.toString()));
    }

    /** A time zone id. */
    static SettingType<ZoneId> zone() {
        return new SettingType<>(ZoneId::of, "a time zone such as Asia/Shanghai, Asia/Taipei or UTC+8",
                zone -> scalar(zone.getId()));
    }

    /** Telegram user ids, comma-separated in the environment or a YAML list in the file. */
    static SettingType<Set<Long>> ids() {
        return new SettingType<>(text -> {
            Set<Long> ids = new LinkedHashSet<>();
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    ids.add(Long.parseLong(part.strip()));
                }
            }
            return Set.copyOf(ids);
        }, "comma-separated numeric Telegram user ids, e.g. 12345,67890",
                ids -> ids.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")));
    }

    /** A value of {@code type}, or none when the setting is left empty. */
    static <T> SettingType<Optional<T>> optional(SettingType<T> type) {
        return new SettingType<>(text -> Optional.of(type.parser.parse(text)), type.expected,
                value -> value.map(type.yaml).orElse("\"\""));
    }

    /** Reads {@code text} (stripped, not blank); throws {@link IllegalArgumentException} when it is no value. */
    T parse(String text) {
        try {
            return parser.parse(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(expected, e);
        }
    }

    /** What a valid value looks like, for error messages and the file's comments; empty when any text will do. */
    String expected() {
        return expected;
    }

    /** The value as YAML, so that reading it back gives the same value. */
    String yaml(T value) {
        return yaml.apply(value);
    }

    private static <T> T accept(T value, Predicate<T> valid) {
        return accept(value, valid.test(value));
    }

    private static <T> T accept(T value, boolean valid) {
        if (!valid) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }

    private static URI parseUrl(String text) throws Exception {
        URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        return accept(uri, ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getHost() != null);
    }

    /** 30.0 as 30, 0.1 as 0.1. */
    private static String number(double n) {
        return n == Math.rint(n) && Math.abs(n) < 1e15 ? String.valueOf((long) n) : String.valueOf(n);
    }

    private static String lowerCase(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** Plain when YAML reads it back as the same text, double-quoted otherwise. */
    private static String scalar(String text) {
        if (PLAIN_YAML.matcher(text).matches() && !YAML_WORD.matcher(text).matches()) {
            return text;
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
