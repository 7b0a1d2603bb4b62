package org.coachbot.knowledge;

/**
 * How much knowledge the bot accepts, so one file cannot take the bot down: every section is embedded (about
 * 40 ms each on a cold cache), indexed and kept in memory, and an acknowledgement lists what changed.
 *
 * @param sectionsPerFile most {@code ##} sections in one file
 * @param sections        most sections in the whole knowledge base
 */
public record KnowledgeLimits(int sectionsPerFile, int sections) {
    /** The largest shipped file has 12 sections; 500 leaves room for a big FAQ and embeds in about 20 s. */
    public static final int DEFAULT_SECTIONS_PER_FILE = 500;
    /** Fifty times the shipped 110 sections; a cold rebuild of that many takes a few minutes, a warm one seconds. */
    public static final int DEFAULT_SECTIONS = 5000;
    public static final KnowledgeLimits DEFAULT = new KnowledgeLimits(DEFAULT_SECTIONS_PER_FILE, DEFAULT_SECTIONS);

    public KnowledgeLimits {
        if (sectionsPerFile < 1) {
            throw new IllegalArgumentException("sectionsPerFile must be >= 1: " + sectionsPerFile);
        }
        if (sections < sectionsPerFile) {
            throw new IllegalArgumentException("sections must be >= sectionsPerFile: " + sections);
        }
    }
}
