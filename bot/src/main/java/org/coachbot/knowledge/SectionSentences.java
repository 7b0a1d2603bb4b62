package org.coachbot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A section cut into the sentences a tip is built from, each verbatim, with whether the editors wrote it and the
 * paragraph it stands in. The same cut serves retrieval (each sentence is embedded) and the tip (sentences are
 * chosen by meaning), so a sentence found by one is the sentence shown by the other.
 */
public final class SectionSentences {
    private static final String ENDERS = "。!?;!?;";
    /** A lead-in joined with its list ends only at a full stop: its items are separated by semicolons. */
    private static final String LIST_ENDERS = "。!?!?";
    private static final String LIST_MARK = "\u0000";
    private static final Pattern LIST_ITEM = Pattern.compile("^(•\\s*|\\d+[.、]\\s*|-\\s+)");
    /** A list longer than this stays one sentence per item: it would not fit a glance. */
    private static final int MAX_JOINED_LIST = 120;

    private SectionSentences() {
    }

    /** One sentence of a section, cut at 。!?; outside quotes. */
    public record Sentence(String text, boolean editorial, int paragraph) {
    }

    /** The section's sentences in reading order. */
    public static List<Sentence> of(Section section) {
        List<Sentence> out = new ArrayList<>();
        List<Paragraph> paragraphs = section.paragraphs();
        for (int p = 0; p < paragraphs.size(); p++) {
            Paragraph paragraph = paragraphs.get(p);
            for (String sentence : split(plain(paragraph.text()).strip())) {
                out.add(new Sentence(sentence, paragraph.editorial(), p));
            }
        }
        return out;
    }

    /** Drops Markdown marks that mean nothing in a chat message; list items become "• item". */
    public static String plain(String markdown) {
        return markdown.replaceAll("(?m)^\\s*[-*]\\s+", "• ")
                .replaceAll("(?m)^\\s*\\|?\\s*-{3,}.*$\\n?", "")
                .replace("**", "")
                .replace("`", "")
                .replaceAll("(?m)^#+\\s*", "")
                .replaceAll("\n{3,}", "\n\n");
    }

    /**
     * Sentences end at 。!?; and line breaks, never inside quotes; a closing quote stays with its sentence and ends
     * it when the quote itself ends with 。!?. A line ending in a colon and the short list under it are one sentence.
     */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String line : joinLists(text)) {
            boolean list = line.startsWith(LIST_MARK);
            line = list ? line.substring(LIST_MARK.length()) : line;
            StringBuilder current = new StringBuilder();
            boolean inAscii = false;
            int depth = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                boolean closing = false;
                if (c == '"') {
                    inAscii = !inAscii;
                    closing = !inAscii;
                } else if ("“「『".indexOf(c) >= 0) {
                    depth++;
                } else if ("”」』".indexOf(c) >= 0) {
                    depth = Math.max(0, depth - 1);
                    closing = true;
                }
                current.append(c);
                boolean outside = !inAscii && depth == 0;
                String enders = list ? LIST_ENDERS : ENDERS;
                boolean ends = closing ? i > 0 && enders.indexOf(line.charAt(i - 1)) >= 0 : enders.indexOf(c) >= 0;
                if (outside && ends) {
                    flush(out, current);
                }
            }
            flush(out, current);
        }
        return out;
    }

    /** Lines of a paragraph, with a lead-in ending in a colon joined to the short list that follows it. */
    private static List<String> joinLists(String text) {
        List<String> lines = new ArrayList<>();
        String[] raw = text.split("\n");
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (line.matches(".*[::]$")) {
                StringBuilder joined = new StringBuilder(line);
                int j = i + 1;
                while (j < raw.length && LIST_ITEM.matcher(raw[j].strip()).find()) {
                    joined.append(j == i + 1 ? "" : " ").append(raw[j].strip().replaceAll("^•\\s*", "")
                            .replaceAll("[;;。]$", ""));
                    j++;
                }
                if (j > i + 1 && joined.length() <= MAX_JOINED_LIST) {
                    lines.add(LIST_MARK + joined.append("。"));
                    i = j - 1;
                    continue;
                }
            }
            lines.add(LIST_ITEM.matcher(line).replaceFirst(""));
        }
        return lines;
    }

    private static void flush(List<String> out, StringBuilder current) {
        String s = current.toString().strip();
        // A stray mark between sentences ("——", "…") is no sentence.
        if (s.codePoints().anyMatch(Character::isLetterOrDigit)) {
            out.add(s);
        }
        current.setLength(0);
    }
}
