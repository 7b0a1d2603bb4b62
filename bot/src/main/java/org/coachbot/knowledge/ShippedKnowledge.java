package org.coachbot.knowledge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The knowledge a release ships, which seeds the knowledge in service at the first start and is merged into it at
 * an upgrade: the folder {@code KNOWLEDGE_DIR} names, or else the copy the build packs into the jar. It is only
 * ever read; admins change the copy in service, never this one.
 */
public final class ShippedKnowledge implements AutoCloseable {
    /** Where the build puts the knowledge inside the jar and in {@code target/classes} (see {@code bot/pom.xml}). */
    public static final String IN_JAR = "knowledge";
    private static final Logger log = LoggerFactory.getLogger(ShippedKnowledge.class);

    private final Path folder;
    private final String origin;
    private final String remedy;
    private final FileSystem jar;

    private ShippedKnowledge(Path folder, String origin, String remedy, FileSystem jar) {
        this.folder = Objects.requireNonNull(folder, "folder must not be null");
        this.origin = origin;
        this.remedy = remedy;
        this.jar = jar;
    }

    /** The knowledge of a folder on disk, as {@code KNOWLEDGE_DIR} names it. */
    public static ShippedKnowledge folder(Path folder) {
        return new ShippedKnowledge(folder, "KNOWLEDGE_DIR " + folder.toAbsolutePath().normalize(),
                "point KNOWLEDGE_DIR at the knowledge folder of a release (knowledge/ in the project), or unset it "
                        + "to use the knowledge inside the jar", null);
    }

    /** The folder {@code knowledgeDir} names when it is set, else the knowledge packaged with the running code. */
    public static ShippedKnowledge locate(Optional<Path> knowledgeDir) {
        return knowledgeDir.map(ShippedKnowledge::folder).orElseGet(ShippedKnowledge::packaged);
    }

    /**
     * The knowledge packaged with the running code: {@code knowledge/} inside the jar, or in {@code target/classes}
     * when the classes run from the build folder (tests, an IDE).
     */
    public static ShippedKnowledge packaged() {
        Path code;
        try {
            code = Path.of(ShippedKnowledge.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where the bot's code runs from, to read the knowledge "
                    + "packaged with it; set KNOWLEDGE_DIR to the knowledge folder of the release", e);
        }
        return packagedIn(code);
    }

    /** The knowledge packaged in a jar, or in a folder of classes, at {@link #IN_JAR}. */
    static ShippedKnowledge packagedIn(Path code) {
        String remedy = "rebuild the jar from the project root (mvn -B -DskipTests package packs knowledge/ into it), "
                + "or set KNOWLEDGE_DIR to the knowledge folder of a release";
        if (Files.isDirectory(code)) {
            return new ShippedKnowledge(code.resolve(IN_JAR), "the build folder " + code.resolve(IN_JAR), remedy,
                    null);
        }
        try {
            FileSystem jar = FileSystems.newFileSystem(code);
            return new ShippedKnowledge(jar.getPath("/" + IN_JAR), "the jar " + code, remedy, jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + code + " to read the knowledge packaged in it; "
                    + "set KNOWLEDGE_DIR to the knowledge folder of the release", e);
        }
    }

    /** The folder to read the files from (inside the jar when the knowledge is packaged there). */
    public Path folder() {
        return folder;
    }

    /** Where the knowledge comes from, for log lines: {@code KNOWLEDGE_DIR /app/knowledge} or {@code the jar …}. */
    public String origin() {
        return origin;
    }

    /** The knowledge files, as {@link KnowledgeFiles#list} names them. */
    public List<String> files() {
        return KnowledgeFiles.list(folder);
    }

    /**
     * Why nothing can be seeded into or merged with the folder in service from it, with what to do; empty when it
     * holds knowledge files and is not that folder itself (as a {@code KNOWLEDGE_DIR} of an older layout may be).
     */
    public Optional<String> problem(Path inService) {
        if (jar == null && folder.toAbsolutePath().normalize().equals(inService.toAbsolutePath().normalize())) {
            return Optional.of(origin + " is the knowledge in service itself, which admins change: "
                    + "point KNOWLEDGE_DIR at the knowledge folder of a release, or unset it to use the knowledge "
                    + "inside the jar");
        }
        if (!Files.isDirectory(folder)) {
            return Optional.of(origin + " does not exist: " + remedy);
        }
        if (files().isEmpty()) {
            return Optional.of(origin + " holds no knowledge file (*.md, rubric.yaml, scenarios/*.yaml): " + remedy);
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        if (jar != null) {
            try {
                jar.close();
            } catch (IOException e) {
                log.debug("closing {}", origin, e);
            }
        }
    }
}
