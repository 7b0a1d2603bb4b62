package org.coachbot.admin;

import org.coachbot.knowledge.ShippedKnowledge;
import org.coachbot.text.Texts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a release's knowledge does to the knowledge in service: each file's text in service is compared with the
 * shipped text it was last seeded or upgraded from (the {@link ShippedManifest}) and with the new shipped text.
 * Files the admins never changed follow the release; files they added, changed or deleted keep their state; where
 * both changed a file, the admins' text stays and the release's is offered beside it ({@link OfferedFiles}).
 *
 * @param updated     shipped files the admins never changed and the release changed: replaced by the new text
 * @param added       files new in the release that are not in service: added
 * @param removed     files the release dropped that the admins never changed: deleted
 * @param conflicts   files both changed: the admins' text stays, the release's is offered beside it
 * @param keptDeleted files the admins deleted and the release changed: they stay deleted
 * @param hashes      the release's hashes by file, recorded once the upgrade is in service
 */
record KnowledgeUpgrade(List<String> updated, List<String> added, List<String> removed, List<String> conflicts,
                        List<String> keptDeleted, Map<String, String> hashes) {
    /** Names listed per kind of change in a label; more are counted. */
    private static final int LISTED = 5;

    KnowledgeUpgrade {
        updated = List.copyOf(updated);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        conflicts = List.copyOf(conflicts);
        keptDeleted = List.copyOf(keptDeleted);
        hashes = Map.copyOf(hashes);
    }

    /**
     * Compares the folder in service with the release.
     *
     * @param base the hashes of the release the folder was last seeded or upgraded from; empty when none was
     *             recorded, and then every file that differs from the release counts as changed by the admins
     */
    static KnowledgeUpgrade plan(Path folder, Optional<Map<String, String>> base, ShippedKnowledge shipped) {
        Map<String, String> release = new TreeMap<>();
        for (String file : shipped.files()) {
            release.put(file, ShippedManifest.hash(shipped.folder().resolve(file)).orElseThrow());
        }
        Map<String, String> before = base.orElse(Map.of());
        List<String> updated = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        List<String> keptDeleted = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(release.keySet());
        names.addAll(before.keySet());
        for (String file : names) {
            String was = before.get(file);
            String now = release.get(file);
            String served = ShippedManifest.hash(folder.resolve(file)).orElse(null);
            if (Objects.equals(was, now) || Objects.equals(served, now)) {
                continue;
            }
            if (now == null) {
                if (was.equals(served)) {
                    removed.add(file);
                }
            } else if (served == null) {
                (was == null ? added : keptDeleted).add(file);
            } else if (served.equals(was)) {
                updated.add(file);
            } else {
                conflicts.add(file);
            }
        }
        return new KnowledgeUpgrade(updated, added, removed, conflicts, keptDeleted, release);
    }

    /** True when the release changes or offers something, so the start makes a version that says what. */
    boolean changesAnything() {
        return !(updated.isEmpty() && added.isEmpty() && removed.isEmpty() && conflicts.isEmpty()
                && keptDeleted.isEmpty());
    }

    /** Writes each conflicting file's shipped text beside the admins' one, in the folder in service. */
    void offer(Path folder, ShippedKnowledge shipped) {
        for (String file : conflicts) {
            AtomicFiles.copy(shipped.folder().resolve(file), OfferedFiles.of(folder, file));
        }
    }

    /** Applies the release to a staged copy of the folder and records its hashes there. */
    void apply(Path staged, ShippedKnowledge shipped) {
        List<String> copied = new ArrayList<>(updated);
        copied.addAll(added);
        for (String file : copied) {
            AtomicFiles.copy(shipped.folder().resolve(file), staged.resolve(file));
        }
        for (String file : removed) {
            try {
                Files.deleteIfExists(staged.resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + staged.resolve(file), e);
            }
        }
        ShippedManifest.writeInto(staged, hashes);
    }

    /** What the upgrade did, for the version's history line after "升级:". */
    String label(Texts texts) {
        List<String> parts = new ArrayList<>();
        part(parts, texts, "upgrade.updated", updated);
        part(parts, texts, "upgrade.added", added);
        part(parts, texts, "upgrade.removed", removed);
        part(parts, texts, "upgrade.conflict", conflicts);
        part(parts, texts, "upgrade.deleted", keptDeleted);
        return String.join(texts.get("upgrade.separator"), parts);
    }

    /** What the upgrade did, for the start log. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (!updated.isEmpty()) {
            parts.add("updated " + updated);
        }
        if (!added.isEmpty()) {
            parts.add("added " + added);
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + removed);
        }
        if (!conflicts.isEmpty()) {
            parts.add("kept the admins' text of " + conflicts + ", changed by the release too: its text is beside "
                    + "each as <file>" + OfferedFiles.SUFFIX + ", for an admin to take (/kb take <file>) or ignore "
                    + "(/kb ignore <file>)");
        }
        if (!keptDeleted.isEmpty()) {
            parts.add("left deleted " + keptDeleted + " (deleted by the admins, changed by the release)");
        }
        return String.join("; ", parts);
    }

    private static void part(List<String> parts, Texts texts, String key, List<String> files) {
        if (files.isEmpty()) {
            return;
        }
        String shown = String.join("、", files.subList(0, Math.min(LISTED, files.size())));
        parts.add(texts.get(key, files.size() > LISTED ? texts.get("upgrade.more", shown, files.size()) : shown));
    }
}
