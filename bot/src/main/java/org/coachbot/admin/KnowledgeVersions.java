package org.coachbot.admin;

import org.coachbot.knowledge.Glossary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Copies of the knowledge folder taken before each change, in {@code DATA_DIR/versions/<n>/}, so a bad change
 * can be rolled back. Only the last {@link #KEPT} are kept.
 */
final class KnowledgeVersions {
    /** Twenty versions cover weeks of edits; each copy is a few hundred kilobytes. */
    static final int KEPT = 20;
    private final Path folder;
    private final Path root;

    KnowledgeVersions(Path folder, Path dataDir) {
        this.folder = folder;
        this.root = dataDir.resolve("versions");
    }

    /** Copies the knowledge files as they are now and returns the new version number. */
    int save() {
        try {
            Files.createDirectories(root);
            int next = numbers().stream().max(Integer::compare).orElse(0) + 1;
            Path target = root.resolve(Integer.toString(next));
            for (Path file : knowledgeFiles(folder)) {
                Path copy = target.resolve(folder.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.createDirectories(target);
            List<Integer> all = numbers();
            for (int n : all.subList(0, Math.max(0, all.size() - KEPT))) {
                deleteTree(root.resolve(Integer.toString(n)));
            }
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save a knowledge version in " + root, e);
        }
    }

    /** Puts the newest saved copy back in place of the folder's knowledge files and forgets it. */
    Optional<Integer> restoreLatest() {
        Optional<Integer> latest = numbers().stream().max(Integer::compare);
        if (latest.isEmpty()) {
            return latest;
        }
        Path source = root.resolve(Integer.toString(latest.get()));
        try {
            for (Path file : knowledgeFiles(folder)) {
                Files.delete(file);
            }
            for (Path file : knowledgeFiles(source)) {
                Path target = folder.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
            deleteTree(source);
            return latest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore knowledge version " + latest.get(), e);
        }
    }

    int count() {
        return numbers().size();
    }

    private List<Integer> numbers() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+"))
                    .map(Integer::parseInt).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /**
     * The Markdown files, {@code rubric.yaml}, {@code glossary.yaml} and {@code scenarios/*.yaml}; README and hidden
     * files excluded.
     */
    static List<Path> knowledgeFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, 2)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .filter(p -> {
                        String rel = dir.relativize(p).toString().replace('\\', '/');
                        return (!rel.contains("/") && (rel.endsWith(".md") || rel.equals("rubric.yaml")
                                || rel.equals(Glossary.FILE_NAME)))
                                || (rel.startsWith("scenarios/") && rel.endsWith(".yaml"));
                    })
                    .sorted().toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
