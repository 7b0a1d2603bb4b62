package org.coachbot.tips;

import org.coachbot.chat.Html;
import org.coachbot.knowledge.Section;
import org.coachbot.text.Texts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the extractive tip: the best sections, each with the sentences closest to the question first, cut to a
 * length an agent can read mid-call, each marked with its source.
 */
public final class TipComposer {
    private final Texts texts;
    private final int maxChars;

    public TipComposer(Texts texts, int maxChars) {
        if (maxChars < 200) {
            throw new IllegalArgumentException("maxChars must be >= 200");
        }
        this.texts = texts;
        this.maxChars = maxChars;
    }

    /** Composes a tip from one to three sections, the first one given the most room. */
    public String compose(String question, List<Section> sections) {
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("sections must not be empty");
        }
        StringBuilder out = new StringBuilder();
        int budget = maxChars;
        for (int i = 0; i < sections.size() && budget > 120; i++) {
            Section s = sections.get(i);
            String source = texts.get("tip.source", s.topic(), s.title());
            // The first section carries the answer; the others add what it lacks, so they get less room.
            int room = (i == 0 ? budget * 3 / 5 : budget / (sections.size() - i + 1)) - source.length() - 12;
            String body = keySentencesFirst(question, s.body(), Math.max(room, 80));
            String block = Html.bold(s.title()) + "\n" + Html.escape(body) + "\n" + Html.italic(source);
            out.append(out.length() == 0 ? "" : "\n\n").append(block);
            budget -= body.length() + source.length() + s.title().length() + 4;
        }
        return out.toString();
    }

    /** A section in full, for the "more" button. */
    public String full(Section section) {
        return Html.bold(section.title()) + "\n" + Html.escape(plain(section.body())) + "\n"
                + Html.italic(texts.get("tip.source", section.topic(), section.title()));
    }

    /**
     * A section that fits is shown whole and in its own order, which is how it was written to be read. One that does
     * not fit gets the paragraph sharing the most character pairs with the question first (paragraphs are written to
     * stand alone, sentences are not) and is cut at a sentence end within the room.
     */
    static String keySentencesFirst(String question, String body, int room) {
        List<String> paragraphs = new ArrayList<>(List.of(plain(body).strip().split("\n\\s*\n")));
        String whole = String.join("\n", paragraphs);
        if (whole.length() <= room) {
            return whole;
        }
        Set<String> queryPairs = pairs(question);
        int best = 0;
        for (int i = 1; i < paragraphs.size(); i++) {
            if (overlap(queryPairs, paragraphs.get(i)) > overlap(queryPairs, paragraphs.get(best))) {
                best = i;
            }
        }
        paragraphs.add(0, paragraphs.remove(best));
        StringBuilder out = new StringBuilder();
        for (String sentence : sentences(String.join("\n", paragraphs))) {
            if (out.length() + sentence.length() > room) {
                if (out.length() == 0) {
                    out.append(sentence, 0, Math.max(0, room - 1)).append('…');
                }
                break;
            }
            out.append(sentence);
        }
        return out.toString().strip();
    }

    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            current.append(c);
            if (c == '。' || c == '!' || c == '?' || c == ';' || c == '\n') {
                // A closing quote belongs to the sentence it ends.
                while (i + 1 < text.length() && "\"”’」』)".indexOf(text.charAt(i + 1)) >= 0) {
                    current.append(text.charAt(++i));
                }
                out.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString());
        }
        return out;
    }

    /** Drops Markdown marks that mean nothing in a chat message. */
    static String plain(String markdown) {
        return markdown.replaceAll("(?m)^\\s*[-*]\\s+", "• ")
                .replaceAll("(?m)^\\s*\\|?\\s*-{3,}.*$\\n?", "")
                .replace("**", "")
                .replace("`", "")
                .replaceAll("(?m)^#+\\s*", "")
                .replaceAll("\n{3,}", "\n\n");
    }

    private static Set<String> pairs(String text) {
        Set<String> out = new HashSet<>();
        String t = text.replaceAll("[\\p{Punct}\\s,。!?、;:“”‘’()]", "");
        for (int i = 0; i + 1 < t.length(); i++) {
            out.add(t.substring(i, i + 2));
        }
        return out;
    }

    private static int overlap(Set<String> queryPairs, String sentence) {
        int n = 0;
        for (String p : pairs(sentence)) {
            if (queryPairs.contains(p)) {
                n++;
            }
        }
        return n;
    }
}
