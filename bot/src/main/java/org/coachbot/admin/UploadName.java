package org.coachbot.admin;

import org.coachbot.knowledge.Glossary;
import org.coachbot.knowledge.KnowledgeFormatException;
import org.coachbot.text.Texts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Turns an uploaded file name into a safe one inside the knowledge folder, or refuses it. */
final class UploadName {
    private static final Texts TEXTS = Texts.of("admin");

    private UploadName() {
    }

    /** Lower-cased, no path parts, no hidden files, only {@code [a-z0-9._-]}, ending in .md or .yaml. */
    static String sanitize(String fileName) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.contains("/") || name.contains("\\") || name.contains("..")) {
            throw new KnowledgeFormatException(fileName, 0, TEXTS.get("name.path"));
        }
        if (name.startsWith(".")) {
            throw new KnowledgeFormatException(fileName, 0, TEXTS.get("name.hidden"));
        }
        if (name.endsWith(".yml")) {
            name = name.substring(0, name.length() - 4) + ".yaml";
        }
        if (!name.matches("[a-z0-9][a-z0-9._-]{0,80}\\.(md|yaml)")) {
            throw new KnowledgeFormatException(fileName, 0, TEXTS.get("name.chars"));
        }
        if (name.equals("readme.md")) {
            throw new KnowledgeFormatException(fileName, 0, TEXTS.get("name.readme"));
        }
        return name;
    }

    /** Markdown, rubric.yaml and glossary.yaml live in the folder itself; other YAML files are scenarios. */
    static String relative(String name) {
        if (name.endsWith(".md") || name.equals("rubric.yaml") || name.equals(Glossary.FILE_NAME)) {
            return name;
        }
        return "scenarios/" + name;
    }

    /**
     * A short, stable id of a file name for button data, which Telegram limits to 64 bytes while file names may
     * be longer: the first 12 hex digits of its SHA-256.
     */
    static String shortId(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
