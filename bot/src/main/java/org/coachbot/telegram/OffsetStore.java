package org.coachbot.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.TreeSet;

/**
 * Remembers which updates are finished. Chats run in parallel, so updates finish out of order; what is saved is
 * the low-water mark, the highest update id such that it and every earlier one are finished. After a restart
 * polling resumes after it: unfinished updates come again, finished ones never do.
 */
final class OffsetStore {
    private final Path file;
    private long lowWater;
    private final TreeSet<Long> inFlight = new TreeSet<>();
    private final TreeSet<Long> finishedAbove = new TreeSet<>();

    OffsetStore(Path dataDir) {
        this.file = dataDir.resolve("telegram-offset");
        this.lowWater = read();
    }

    /** The {@code offset} for the next getUpdates. */
    synchronized long nextOffset() {
        return lowWater + 1;
    }

    /** Records a fetched update; false when it was already taken. */
    synchronized boolean begin(long updateId) {
        if (updateId <= lowWater || inFlight.contains(updateId) || finishedAbove.contains(updateId)) {
            return false;
        }
        inFlight.add(updateId);
        return true;
    }

    /** Marks an update finished and saves the new low-water mark. */
    synchronized void finish(long updateId) {
        inFlight.remove(updateId);
        finishedAbove.add(updateId);
        long mark = inFlight.isEmpty() ? finishedAbove.last() : inFlight.first() - 1;
        finishedAbove.headSet(mark, true).clear();
        if (mark > lowWater) {
            lowWater = mark;
            write(mark);
        }
    }

    private long read() {
        try {
            return Files.exists(file) ? Long.parseLong(Files.readString(file).strip()) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private void write(long mark) {
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, Long.toString(mark));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the Telegram offset in " + file, e);
        }
    }
}
