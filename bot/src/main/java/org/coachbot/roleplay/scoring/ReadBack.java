package org.coachbot.roleplay.scoring;

import org.coachbot.roleplay.scenario.TextNormalizer;
import org.coachbot.roleplay.scenario.Scenario;

/**
 * Tells a line read out of the scenario's own text from one the trainee said: pasting the briefing back at the
 * customer holds every right word and serves nobody, so such a line earns no good move.
 */
final class ReadBack {
    /** Runs of this many characters shared with the scenario's text count as copied; shorter ones are coincidence. */
    static final int RUN = 8;
    /** A line shorter than this is a fact restated ("低区还有空房"), not a reading. */
    static final int MIN_CHARS = 30;
    /** Share of the line's characters inside copied runs from which the line is read back. */
    static final double COPIED_SHARE = 0.6;
    private final String source;

    ReadBack(Scenario scenario) {
        this.source = TextNormalizer.normalize(String.join("\n", scenario.briefing(), scenario.background(),
                scenario.hidden(), scenario.goal()));
    }

    /** True when most of the line is copied from the scenario's briefing, background, hidden need or goal. */
    boolean copied(String line) {
        String text = TextNormalizer.normalize(line);
        if (text.length() < MIN_CHARS) {
            return false;
        }
        boolean[] covered = new boolean[text.length()];
        for (int i = 0; i + RUN <= text.length(); i++) {
            if (source.contains(text.substring(i, i + RUN))) {
                for (int j = i; j < i + RUN; j++) {
                    covered[j] = true;
                }
            }
        }
        int inRuns = 0;
        for (boolean c : covered) {
            inRuns += c ? 1 : 0;
        }
        return inRuns >= COPIED_SHARE * text.length();
    }
}
