package org.coachbot.knowledge;

import java.util.Objects;

/**
 * One paragraph of a section body.
 *
 * @param text      the paragraph without its {@link Section#EDITORIAL_MARK}
 * @param editorial whether the knowledge's editors wrote it beyond the seed material (example lines, scripts,
 *                  practical steps), so the bot shows it as 编者补充 and never as training material
 */
public record Paragraph(String text, boolean editorial) {
    public Paragraph {
        Objects.requireNonNull(text, "text must not be null");
    }
}
