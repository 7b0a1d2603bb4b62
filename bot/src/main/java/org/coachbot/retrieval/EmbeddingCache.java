package org.coachbot.retrieval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Section embeddings kept in one file under the data folder, keyed by the SHA-256 of the embedded text, so a
 * restart or a knowledge reload only embeds sections whose text changed. A file that is truncated, corrupt or
 * from another model dimension is ignored (and rewritten by the next {@link #save}); writes go to a temporary
 * file that is then moved over the old one, so a crash never leaves a half-written cache.
 */
public final class EmbeddingCache {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingCache.class);
    private static final int MAGIC = 0x43424543; // "CBEC"
    private static final int VERSION = 1;
    private static final int HASH_BYTES = 32;
    /** Refuses absurd counts from a damaged header before allocating memory for them. */
    private static final int MAX_ENTRIES = 1_000_000;

    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();

    private EmbeddingCache(Path file) {
        this.file = file;
    }

    /** Reads the cache file of a model in {@code dataDir}; a missing or unreadable file gives an empty cache. */
    public static EmbeddingCache open(Path dataDir, String modelKey) {
        Objects.requireNonNull(dataDir, "dataDir must not be null");
        EmbeddingCache cache = new EmbeddingCache(dataDir.resolve(fileName(modelKey)));
        cache.load();
        return cache;
    }

    /** A cache that is never written to disk, for callers without a data folder. */
    public static EmbeddingCache inMemory() {
        return new EmbeddingCache(null);
    }

    /** {@code embeddings-<model>.bin}, with the model key reduced to characters safe in a file name. */
    static String fileName(String modelKey) {
        if (modelKey == null || modelKey.isBlank()) {
            throw new IllegalArgumentException("modelKey must not be blank");
        }
        return "embeddings-" + modelKey.replaceAll("[^A-Za-z0-9._-]", "_") + ".bin";
    }

    /** The cached vector for exactly this text, if any. */
    public synchronized Optional<float[]> get(String text) {
        float[] v = vectors.get(key(text));
        return v == null ? Optional.empty() : Optional.of(v.clone());
    }

    /** Remembers the vector of a text until {@link #retainOnly} or the process ends; call {@link #save} to keep it. */
    public synchronized void put(String text, float[] vector) {
        Objects.requireNonNull(vector, "vector must not be null");
        vectors.put(key(text), vector.clone());
    }

    /** Drops the vectors of texts not in {@code texts}, so edited sections do not grow the file forever. */
    public synchronized void retainOnly(Iterable<String> texts) {
        Map<String, float[]> kept = new HashMap<>();
        for (String t : texts) {
            String k = key(t);
            float[] v = vectors.get(k);
            if (v != null) {
                kept.put(k, v);
            }
        }
        vectors.keySet().retainAll(kept.keySet());
    }

    /** Number of cached vectors. */
    public synchronized int size() {
        return vectors.size();
    }

    /** The file this cache reads and writes, empty for an in-memory cache. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Writes all vectors atomically: a temporary file in the same folder, then a move over the old file. */
    public synchronized void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
            try {
                write(tmp);
                move(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write embedding cache " + file
                    + "; check that the data folder is writable", e);
        }
    }

    private void write(Path tmp) throws IOException {
        CRC32 crc = new CRC32();
        try (OutputStream raw = Files.newOutputStream(tmp);
             DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(raw), crc))) {
            int dimension = vectors.values().stream().findFirst().map(v -> v.length).orElse(0);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(dimension);
            out.writeInt(vectors.size());
            for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                if (e.getValue().length != dimension) {
                    continue; // cannot happen with one model per file; never write a file we would reject
                }
                out.write(HexFormat.of().parseHex(e.getKey()));
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
            out.flush();
            // The checksum covers everything above; a torn or bit-flipped file fails it on load.
            new DataOutputStream(raw).writeLong(crc.getValue());
        }
    }

    private void move(Path tmp) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            vectors.putAll(read());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring embedding cache {} ({}); sections will be embedded again", file, e.toString());
            vectors.clear();
        }
    }

    private Map<String, float[]> read() throws IOException {
        CRC32 crc = new CRC32();
        Map<String, float[]> out = new HashMap<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not an embedding cache of this version");
            }
            int dimension = in.readInt();
            int count = in.readInt();
            if (dimension < 0 || count < 0 || count > MAX_ENTRIES || (count > 0 && dimension == 0)) {
                throw new IOException("bad header: dimension " + dimension + ", count " + count);
            }
            byte[] hash = new byte[HASH_BYTES];
            for (int i = 0; i < count; i++) {
                in.readFully(hash);
                float[] v = new float[dimension];
                for (int j = 0; j < dimension; j++) {
                    v[j] = in.readFloat();
                }
                out.put(HexFormat.of().formatHex(hash), v);
            }
            long expected = crc.getValue();
            long stored = new DataInputStream(raw).readLong();
            if (stored != expected || raw.read() != -1) {
                throw new IOException("checksum mismatch");
            }
        } catch (EOFException e) {
            throw new IOException("file is truncated", e);
        }
        return out;
    }

    /** SHA-256 of the UTF-8 text, hex-encoded. */
    static String key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
