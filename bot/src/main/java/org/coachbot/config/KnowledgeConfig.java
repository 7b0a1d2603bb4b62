package org.coachbot.config;

import org.coachbot.knowledge.KnowledgeLimits;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static org.coachbot.config.SettingType.duration;
import static org.coachbot.config.SettingType.integer;
import static org.coachbot.config.SettingType.optional;
import static org.coachbot.config.SettingType.path;

/** The {@code knowledge:} settings: where the release's knowledge comes from and how much of it is accepted. */
public final class KnowledgeConfig {
    static final SettingGroup GROUP = new SettingGroup("knowledge");

    public static final Setting<Optional<Path>> DIR = GROUP.setting("dir", optional(path()), Optional.empty())
            .env("KNOWLEDGE_DIR")
            .help("The release's knowledge: curated Markdown, scenarios/ and rubric.yaml. It seeds the knowledge in"
                    + " service, DATA_DIR/knowledge, at the first start and is merged into it when a newer release"
                    + " starts; admins change only the copy in service. Empty: the knowledge packed inside the jar.");

    public static final Setting<Duration> RELOAD_DEBOUNCE = GROUP.setting("reload_debounce_ms",
                    duration(ChronoUnit.MILLIS, 50, 60_000), Duration.ofMillis(500))
            .help("Quiet period in milliseconds before a change on disk is reloaded, so an editor's several writes"
                    + " count once.");

    public static final Setting<Integer> MAX_SECTIONS_PER_FILE = GROUP.setting("max_sections_per_file",
                    integer(1, 100_000), KnowledgeLimits.DEFAULT_SECTIONS_PER_FILE)
            .env("KNOWLEDGE_MAX_SECTIONS_PER_FILE")
            .help("Most ## sections one knowledge file may have; a bigger file is refused.");

    public static final Setting<Integer> MAX_SECTIONS = GROUP.setting("max_sections", integer(1, 1_000_000),
                    KnowledgeLimits.DEFAULT_SECTIONS)
            .env("KNOWLEDGE_MAX_SECTIONS")
            .help("Most sections in the whole knowledge base, at least max_sections_per_file; each is embedded,"
                    + " indexed and kept in memory.");

    private KnowledgeConfig() {
    }

    /** The two limits together; the whole knowledge base must hold at least one file of the largest size. */
    static KnowledgeLimits limits(BotConfig config) {
        int perFile = config.get(MAX_SECTIONS_PER_FILE);
        int total = config.get(MAX_SECTIONS);
        if (total < perFile) {
            throw new ConfigException(config.nameOf(MAX_SECTIONS), Integer.toString(total),
                    "at least " + MAX_SECTIONS_PER_FILE.key() + " (" + perFile + ")");
        }
        return new KnowledgeLimits(perFile, total);
    }
}
