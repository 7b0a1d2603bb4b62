package org.coachbot.bench;

import org.coachbot.knowledge.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a first message holds the technique within the limit: it is at most {@code maxChars} characters as the
 * agent sees them (text without markup) and quotes, word for word, a sentence of one of the expected sections. A
 * sentence here is a stretch of the section between 。!?;: a line break or a quote mark, of at least
 * {@link #MIN_SENTENCE_CHARS} Chinese characters, so the section's title, a mark or a few shared words do not count.
 */
final class FirstMessage {
    static final int MIN_SENTENCE_CHARS = 8;

    private FirstMessage() {
    }

    /** The expected section's sentence the message quotes, or empty when it quotes none or is too long. */
    static Optional<String> quoted(String plainMessage, List<Section> expected, int maxChars) {
        if (plainMessage.length() > maxChars) {
            return Optional.empty();
        }
        for (Section s : expected) {
            for (String sentence : sentences(s)) {
                if (plainMessage.contains(sentence)) {
                    return Optional.of(sentence);
                }
            }
        }
        return Optional.empty();
    }

    static List<String> sentences(Section section) {
        List<String> out = new ArrayList<>();
        String body = section.body().replace(Section.EDITORIAL_MARK, "\n")
                .replaceAll("(?m)^\\s*([-*•]|\\d+[.、])\\s+", "");
        for (String piece : body.split("[。!?;!?;::\\n\"“”「」]")) {
            String p = piece.strip();
            if (p.replaceAll("[^\\p{IsHan}]", "").length() >= MIN_SENTENCE_CHARS) {
                out.add(p);
            }
        }
        return out;
    }
}
