package org.coachbot.admin;

import org.coachbot.knowledge.KnowledgeFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * New shipped texts of files the admins changed too, kept beside them in the folder in service as
 * {@code <file>.shipped} (e.g. {@code scenarios/x.yaml.shipped}) until an admin takes or ignores them. The suffix
 * keeps them out of the knowledge: no loader reads them and no version holds them.
 */
final class OfferedFiles {
    static final String SUFFIX = ".shipped";

    private OfferedFiles() {
    }

    /** Where the offered text of {@code relative} is kept. */
    static Path of(Path folder, String relative) {
        return folder.resolve(relative + SUFFIX);
    }

    /** The knowledge files that have a shipped text beside them, by relative path, sorted. */
    static List<String> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder, 2)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(SUFFIX))
                    .map(p -> p.substring(0, p.length() - SUFFIX.length()))
                    .filter(KnowledgeFiles::isKnowledge)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Removes the offered text of {@code relative}; true when there was one. */
    static boolean remove(Path folder, String relative) {
        try {
            return Files.deleteIfExists(of(folder, relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + of(folder, relative), e);
        }
    }

    /** Removes offered texts that the file in service already has (taken, or copied over by hand). */
    static void removeTaken(Path folder) {
        for (String relative : list(folder)) {
            if (ShippedManifest.hash(folder.resolve(relative)).equals(ShippedManifest.hash(of(folder, relative)))) {
                remove(folder, relative);
            }
        }
    }
}
