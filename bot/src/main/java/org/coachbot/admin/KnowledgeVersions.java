package org.coachbot.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.coachbot.knowledge.KnowledgeFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every knowledge version as a complete copy of its files in {@code DATA_DIR/versions/<n>/}, with the change that
 * made it, and which version is in service. A version is prepared in a staging folder and renamed into place in
 * one step, so a crash leaves either the whole version or none of it. The last {@link #KEPT} are kept.
 */
final class KnowledgeVersions {
    /** Twenty versions cover weeks of edits; each copy is a few hundred kilobytes. */
    static final int KEPT = 20;
    private static final String MANIFEST = "change.json";
    private static final String CURRENT = "current";
    private static final String STAGE_PREFIX = ".stage-";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path folder;
    private final Path root;

    KnowledgeVersions(Path folder, Path dataDir) {
        this.folder = folder;
        this.root = dataDir.resolve("versions");
    }

    /** The version in service, 0 before the first. */
    int current() {
        Path file = root.resolve(CURRENT);
        try {
            return Files.exists(file) ? Integer.parseInt(Files.readString(file).strip()) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** The number the next version gets: never one used before, even by a version rolled back. */
    int next() {
        return Math.max(current(), numbers().stream().max(Integer::compare).orElse(0)) + 1;
    }

    /** The change that made version {@code n}, empty when that version is not kept. */
    Optional<KnowledgeChange> change(int n) {
        Path manifest = root.resolve(Integer.toString(n)).resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            JsonNode m = JSON.readTree(Files.readString(manifest, StandardCharsets.UTF_8));
            return Optional.of(new KnowledgeChange(m.path("version").asInt(), m.path("parent").asInt(),
                    KnowledgeChange.Action.valueOf(m.path("action").asText()), m.path("file").asText(),
                    m.path("userId").asLong(), m.path("user").asText(), Instant.parse(m.path("at").asText()),
                    m.path("fingerprint").asText()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The files of version {@code n}. */
    Path files(int n) {
        return root.resolve(Integer.toString(n));
    }

    /** A fresh staging folder holding a copy of the knowledge folder, to be changed and then {@link #seal}ed. */
    Path stage(int n) {
        Path staged = root.resolve(STAGE_PREFIX + n);
        AtomicFiles.deleteTree(staged);
        for (String file : KnowledgeFiles.list(folder)) {
            AtomicFiles.copy(folder.resolve(file), staged.resolve(file));
        }
        try {
            Files.createDirectories(staged);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + staged, e);
        }
        return staged;
    }

    /** Records the change in the staging folder and renames it into place as version {@code change.version()}. */
    void seal(Path staged, KnowledgeChange change) {
        ObjectNode m = JSON.createObjectNode().put("version", change.version()).put("parent", change.parent())
                .put("action", change.action().name()).put("file", change.file()).put("userId", change.userId())
                .put("user", change.user()).put("at", change.at().toString())
                .put("fingerprint", change.fingerprint());
        try {
            AtomicFiles.write(staged.resolve(MANIFEST), JSON.writeValueAsBytes(m));
            Files.move(staged, files(change.version()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save knowledge version " + change.version() + " in " + root, e);
        }
    }

    /** True when version {@code n} is kept complete. */
    boolean sealed(int n) {
        return Files.isRegularFile(files(n).resolve(MANIFEST));
    }

    /**
     * Makes the knowledge folder hold exactly the files of version {@code n}: every file is copied first (each
     * replaced in one step), and only then are files that the version does not have deleted.
     */
    void restore(int n) {
        Path source = files(n);
        List<String> wanted = KnowledgeFiles.list(source);
        try {
            for (String file : wanted) {
                Path target = folder.resolve(file);
                if (!Files.exists(target) || Files.mismatch(source.resolve(file), target) != -1) {
                    AtomicFiles.copy(source.resolve(file), target);
                }
            }
            Set<String> keep = new HashSet<>(wanted);
            for (String file : KnowledgeFiles.list(folder)) {
                if (!keep.contains(file)) {
                    Files.delete(folder.resolve(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore knowledge version " + n + " into " + folder, e);
        }
    }

    /** Records that version {@code n} is in service. */
    void point(int n) {
        AtomicFiles.write(root.resolve(CURRENT), Integer.toString(n).getBytes(StandardCharsets.US_ASCII));
    }

    /** Forgets staging folders a crash left behind and all but the last {@link #KEPT} versions. */
    void prune() {
        try (Stream<Path> dirs = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            dirs.filter(p -> p.getFileName().toString().startsWith(STAGE_PREFIX)).forEach(AtomicFiles::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        List<Integer> all = numbers();
        int current = current();
        for (int n : all.subList(0, Math.max(0, all.size() - KEPT))) {
            if (n != current) {
                AtomicFiles.deleteTree(files(n));
            }
        }
    }

    /** How many versions are kept. */
    int count() {
        return (int) numbers().stream().filter(this::sealed).count();
    }

    /** Files that differ between version {@code n} and the folder {@code other}, by relative path. */
    List<String> changedFiles(int n, Path other) {
        Path base = files(n);
        Set<String> names = new TreeSet<>(KnowledgeFiles.list(base));
        names.addAll(KnowledgeFiles.list(other));
        List<String> out = new ArrayList<>();
        try {
            for (String name : names) {
                Path a = base.resolve(name);
                Path b = other.resolve(name);
                if (!Files.exists(a) || !Files.exists(b) || Files.mismatch(a, b) != -1) {
                    out.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compare " + base + " with " + other, e);
        }
        return out;
    }

    private List<Integer> numbers() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{1,9}"))
                    .map(Integer::parseInt).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    Path folder() {
        return folder;
    }
}
