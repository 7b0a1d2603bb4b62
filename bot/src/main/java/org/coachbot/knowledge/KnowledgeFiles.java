package org.coachbot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Which files of a knowledge folder are knowledge, and a fingerprint of their names and contents. */
public final class KnowledgeFiles {
    private KnowledgeFiles() {
    }

    /**
     * The Markdown files, {@code rubric.yaml}, {@code glossary.yaml} and {@code scenarios/*.yaml}, as paths relative
     * to the folder with {@code /} separators, sorted; README and hidden files excluded.
     */
    public static List<String> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, 2)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(KnowledgeFiles::isKnowledge)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the knowledge folder " + dir, e);
        }
    }

    /** True for a relative path that {@link #list} would include. */
    public static boolean isKnowledge(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        if (name.startsWith(".") || name.equalsIgnoreCase("README.md")) {
            return false;
        }
        if (!relative.contains("/")) {
            return relative.endsWith(".md") || relative.equals("rubric.yaml") || relative.equals(Glossary.FILE_NAME);
        }
        return relative.startsWith("scenarios/") && relative.indexOf('/') == relative.lastIndexOf('/')
                && (relative.endsWith(".yaml") || relative.endsWith(".yml"));
    }

    /** SHA-256 over the names and contents of the knowledge files: equal fingerprints, equal knowledge. */
    public static String fingerprint(Path dir) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String file : list(dir)) {
                byte[] name = file.getBytes(StandardCharsets.UTF_8);
                byte[] content = Files.readAllBytes(dir.resolve(file));
                digest.update(name);
                digest.update((byte) 0);
                digest.update(Long.toString(content.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) 0);
                digest.update(content);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the knowledge folder " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
