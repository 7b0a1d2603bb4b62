package org.coachbot.tips;

import org.coachbot.knowledge.Paragraph;
import org.coachbot.knowledge.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A section read the way a glance needs it: its sentences, each with whether the editors wrote it, and the example
 * lines in quotes that an agent could say to a customer, each with the words around it. Every piece is verbatim
 * text of the section.
 */
final class SectionReading {
    /** The words just before a quote that mark it as what not to say, or as a name or motto rather than a line. */
    private static final Pattern NOT_TO_SAY = Pattern.compile(
            "(不说|不要说|别说|不能说|不要再说|不要喊|就喊|不看|不急着辩解|辩解|避免|不当|忌|而不是|不用|答|叫|铭言|境界|原则|准则)[::,,]?\\s*$");
    /** A clause that tells the agent what to do opens with one of these. */
    private static final Pattern IMPERATIVE = Pattern.compile(
            "^(先|再|不要|别|不能|不说|要(?!等|是|求|么|多久)|可以|把|用|多用|少|尽量|让|请|等|放慢|记下|主动|答应|拿不准|挂断前|说话时|回电时|铃响|能当场)");
    /** A rule stated anywhere in a clause: "最大不能超过本人的肩宽", "越小越好". */
    private static final Pattern RULE = Pattern.compile("(?<!能)不能|不宜|不可|必须|务必|只能|越\\S{1,2}越好");
    private static final Pattern CLAUSE = Pattern.compile("[,,;;::]|^\\d+[.、]\\s*|做法[::]");
    private static final Pattern CONNECTIVE = Pattern.compile("^(所以|因此|因而|于是|同时|也|还)");
    private static final String ENDERS = "。!?;!?;";
    /** A lead-in joined with its list ends only at a full stop: its items are separated by semicolons. */
    private static final String LIST_ENDERS = "。!?!?";
    private static final String LIST_MARK = "\u0000";
    private static final Pattern LIST_ITEM = Pattern.compile("^(•\\s*|\\d+[.、]\\s*|-\\s+)");
    /** A list longer than this stays one sentence per item: it would not fit a glance. */
    private static final int MAX_JOINED_LIST = 120;
    private static final String OPEN_QUOTES = "\"“「『";
    private static final String CLOSE_QUOTES = "\"”」』";

    /** One sentence of the section, cut at 。!?; outside quotes. */
    record Sentence(String text, boolean editorial, int paragraph) {
        /** Whether one of its clauses tells the agent what to do, rather than what something is. */
        boolean imperative() {
            for (String clause : CLAUSE.split(text)) {
                String c = CONNECTIVE.matcher(clause.strip()).replaceFirst("");
                if (IMPERATIVE.matcher(c).find() || RULE.matcher(c).find()) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A line in quotes an agent could say now.
     *
     * @param context the sentence it stands in, which tells what situation it is for
     */
    record Line(String text, String context, boolean editorial) {
    }

    private final List<Sentence> sentences = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();

    SectionReading(Section section) {
        List<Paragraph> paragraphs = section.paragraphs();
        for (int p = 0; p < paragraphs.size(); p++) {
            Paragraph paragraph = paragraphs.get(p);
            String text = TipComposer.plain(paragraph.text()).strip();
            for (String sentence : split(text)) {
                sentences.add(new Sentence(sentence, paragraph.editorial(), p));
                collectLines(sentence, paragraph.editorial());
            }
        }
    }

    List<Sentence> sentences() {
        return sentences;
    }

    List<Line> lines() {
        return lines;
    }

    /**
     * Sentences end at 。!?; and line breaks, never inside quotes; a closing quote stays with its sentence and ends
     * it when the quote itself ends with 。!?. A line ending in a colon and the short list under it are one sentence.
     */
    static List<String> split(String text) {
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
        if (!s.isEmpty()) {
            out.add(s);
        }
        current.setLength(0);
    }

    /**
     * Keeps the quotes that read as something to say to a customer: addressed politely (您, 我, 请), not the
     * 你-phrasings the material warns against, not introduced as what not to say, and not the bad side of a
     * "bad → good" pair.
     */
    private void collectLines(String sentence, boolean editorial) {
        int i = 0;
        while (i < sentence.length()) {
            char open = sentence.charAt(i);
            int kind = OPEN_QUOTES.indexOf(open);
            if (kind < 0) {
                i++;
                continue;
            }
            int close = sentence.indexOf(CLOSE_QUOTES.charAt(kind), i + 1);
            if (close < 0) {
                break;
            }
            String quote = sentence.substring(i + 1, close).strip();
            String before = sentence.substring(0, i);
            String after = sentence.substring(close + 1);
            if (sayable(quote, before, after)) {
                lines.add(new Line(quote, sentence, editorial));
            }
            i = close + 1;
        }
    }

    static boolean sayable(String quote, String before, String after) {
        String cjk = quote.replaceAll("[^\\p{IsHan}]", "");
        if (cjk.length() < 6) {
            return false;
        }
        // A fragment quoted inside a sentence ("每次都用"也许我说得不够清楚"开头") is not a whole line to say.
        boolean whole = quote.matches(".*[。!?!?…]$") || cjk.length() >= 12;
        boolean polite = quote.contains("您") || quote.contains("我") || quote.contains("请") || quote.contains("咱");
        boolean blunt = quote.contains("你") && !quote.contains("您");
        String lead = before.length() > 12 ? before.substring(before.length() - 12) : before;
        return whole && polite && !blunt && !NOT_TO_SAY.matcher(lead).find() && !after.stripLeading().startsWith("→");
    }
}
