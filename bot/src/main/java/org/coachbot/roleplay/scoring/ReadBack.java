package org.coachbot.roleplay.scoring;

import org.coachbot.roleplay.scenario.TextNormalizer;
import org.coachbot.roleplay.scenario.Scenario;

import java.util.function.Predicate;

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
    /** Characters a refusal shares with the scenario's text to restate a limit it was briefed on. */
    static final int FACT_RUN = 5;
    private final String source;

    ReadBack(Scenario scenario) {
        this.source = TextNormalizer.normalize(String.join("\n", scenario.briefing(), scenario.background(),
                scenario.hidden(), scenario.goal()));
    }

    /**
     * True when a clause of the line that says no restates what the scenario says cannot be done ("银行系统暂时完成不了
     * 支付,什么时候恢复他们也给不了准话" against "银行系统暂时无法完成支付,什么时候恢复还不确定"): a run of
     * {@link #FACT_RUN} characters in common. Explaining the situation the agent was briefed on is not a refusal, and
     * committing firmly to what the briefing says can be done is not an over-promise.
     */
    boolean restatesLimit(String line, Predicate<String> negated) {
        for (String clause : Words.clauses(TextNormalizer.normalize(line))) {
            if (negated.test(clause)) {
                for (int i = 0; i + FACT_RUN <= clause.length(); i++) {
                    if (source.contains(clause.substring(i, i + FACT_RUN))) {
                        return true;
                    }
                }
            }
        }
        return false;
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
