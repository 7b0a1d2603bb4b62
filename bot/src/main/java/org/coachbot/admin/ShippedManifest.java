package org.coachbot.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which shipped text each file of the knowledge in service was last seeded or upgraded from, as SHA-256 hashes by
 * file, in {@code DATA_DIR/shipped.json}. Comparing a file with it tells whether admins changed the file; comparing
 * a new release with it tells whether the release did. A seed or an upgrade writes the new hashes into its version
 * ({@code versions/<n>/shipped.json}) before the version is sealed, and they are adopted here once the version is in
 * service, so a crash leaves the hashes matching the knowledge in service.
 */
final class ShippedManifest {
    /** The file's name, in {@code DATA_DIR} and in a version's folder. */
    static final String FILE = "shipped.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    ShippedManifest(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    /** The hashes by file; empty when no release was ever recorded (the first start, or data from before). */
    Optional<Map<String, String>> read() {
        return read(file);
    }

    /** Writes {@code hashes} into a version's folder, to be {@link #adopt}ed when the version is in service. */
    static void writeInto(Path versionFolder, Map<String, String> hashes) {
        write(versionFolder.resolve(FILE), hashes);
    }

    /** Makes the hashes a version was made with the ones in service; nothing for a version made without any. */
    void adopt(Path versionFolder) {
        read(versionFolder.resolve(FILE)).ifPresent(hashes -> write(file, hashes));
    }

    /** Records {@code hashes} directly, for a start that changed no file but learned the release's hashes. */
    void write(Map<String, String> hashes) {
        write(file, hashes);
    }

    /** SHA-256 of a file's bytes, in hex. */
    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** SHA-256 of a file, or empty when it does not exist. */
    static Optional<String> hash(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(hash(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path target, Map<String, String> hashes) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode files = root.putObject("files");
        new TreeMap<>(hashes).forEach(files::put);
        try {
            AtomicFiles.write(target, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static Optional<Map<String, String>> read(Path source) {
        if (!Files.isRegularFile(source)) {
            return Optional.empty();
        }
        try {
            JsonNode files = JSON.readTree(Files.readAllBytes(source)).path("files");
            if (!files.isObject()) {
                throw new IOException("no \"files\" object");
            }
            Map<String, String> out = new TreeMap<>();
            files.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return Optional.of(out);
        } catch (IOException e) {
            throw new UncheckedIOException(source + " cannot be read (" + e.getMessage() + "): it records which "
                    + "release each knowledge file came from; restore it from a backup, or delete it to treat every "
                    + "file that differs from the release as changed by the admins", e);
        }
    }
}
