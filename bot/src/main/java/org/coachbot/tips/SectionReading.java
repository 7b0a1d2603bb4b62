package org.coachbot.tips;

import org.coachbot.knowledge.Paragraph;
import org.coachbot.knowledge.Section;
import org.coachbot.knowledge.SectionSentences;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
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
    private static final Pattern LIST_ITEM = Pattern.compile("^(•\\s*|\\d+[.、]\\s*|-\\s+)");
    /** An item of an inline list: a few words, perhaps with a remark in brackets ("顾客价值(顾客价值等式)"). */
    private static final String INLINE_ITEM = "[^、。;;,,::()()]{1,10}(?:[((][^))]{1,12}[))])?";
    /**
     * "……包括三个动作:问候、微笑、感激", "见面礼仪包括握手礼、鞠躬礼和致意", "四种姿势依次是站姿、走姿、坐姿和蹲姿":
     * short items after a colon or after 包括 / 是 / 有, separated by 、 (the last perhaps by 和), ending where the
     * clause ends: an item too long for a list means the sentence is no list.
     */
    private static final Pattern INLINE_LIST = Pattern.compile(
            "([^。;;]{2,40}[::]|[^。;;::]{2,30}(?:包括|包含|分为|分成|是|有))((?:" + INLINE_ITEM + "、)+" + INLINE_ITEM
                    + "|(?:[^、。;;::]{1,18}[;;]){2,}[^、。;;::]{1,18})(?=[。;;,,!!??\\s]|$)");
    /** How the last item of an inline list may be joined: "握手礼、鞠躬礼和致意". */
    private static final Pattern LAST_JOINED = Pattern.compile("^(.{1,10}?)(?:以及|和|及)(.{1,10})$");
    /** A lead-in that announces steps or rules: "抚慰客户情绪的步骤是", "按下面三条标准办理". */
    private static final Pattern PROCEDURE = Pattern.compile("步骤|顺序|流程|做法|方法|要点|原则|准则|标准|规范|程序|几步");
    private static final String OPEN_QUOTES = "\"“「『";
    private static final String CLOSE_QUOTES = "\"”」』";

    /** One sentence of the section, cut at 。!?; outside quotes; {@code index} is its place in the section. */
    record Sentence(String text, boolean editorial, int paragraph, int index) {
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
     * @param context  the sentence it stands in, which tells what situation it is for
     * @param sentence the index of that sentence in the section
     */
    record Line(String text, String context, boolean editorial, int sentence) {
    }

    /**
     * A list the section gives: the sentence that leads into it and its items, verbatim.
     *
     * @param lead      the lead-in without its colon, empty when the list stands alone
     * @param numbered  whether the items are numbered, i.e. steps or an ordered list
     * @param inline    whether the items stand in a sentence, separated by 、
     * @param sentences the indexes of the sentences that hold the list: its lead-in and its items
     */
    record ListUnit(String lead, List<String> items, boolean numbered, boolean inline, boolean editorial,
                    List<Integer> sentences) {
        /** Whether the lead-in says the items are steps or rules of how to do something. */
        boolean procedure() {
            return numbered || PROCEDURE.matcher(lead).find();
        }
    }

    private final List<Sentence> sentences = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<ListUnit> lists = new ArrayList<>();
    private final String title;

    SectionReading(Section section) {
        this.title = section.title();
        for (SectionSentences.Sentence s : SectionSentences.of(section)) {
            int index = sentences.size();
            sentences.add(new Sentence(s.text(), s.editorial(), s.paragraph(), index));
            collectLines(s.text(), s.editorial(), index);
        }
        List<Paragraph> paragraphs = section.paragraphs();
        for (int p = 0; p < paragraphs.size(); p++) {
            collectLists(paragraphs.get(p), p);
        }
    }

    /** The section's title. */
    String title() {
        return title;
    }

    /** The lists of the section, in reading order. */
    List<ListUnit> lists() {
        return lists;
    }

    List<Sentence> sentences() {
        return sentences;
    }

    List<Line> lines() {
        return lines;
    }

    /**
     * Keeps the quotes that read as something to say to a customer: addressed politely (您, 我, 请), not the
     * 你-phrasings the material warns against, not introduced as what not to say, and not the bad side of a
     * "bad → good" pair.
     */
    private void collectLines(String sentence, boolean editorial, int index) {
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
                lines.add(new Line(quote, sentence, editorial, index));
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
    /**
     * Lists of a paragraph: Markdown or numbered items under the line before them, and inline enumerations after a
     * colon ("三个动作:问候、微笑、感激").
     */
    private void collectLists(Paragraph paragraph, int p) {
        String[] raw = SectionSentences.plain(paragraph.text()).strip().split("\n");
        for (int i = 0; i < raw.length; i++) {
            if (!LIST_ITEM.matcher(raw[i].strip()).find()) {
                inline(raw[i].strip(), paragraph.editorial(), p);
                continue;
            }
            String lead = i > 0 && !LIST_ITEM.matcher(raw[i - 1].strip()).find() ? raw[i - 1].strip() : "";
            boolean numbered = raw[i].strip().matches("^\\d+[.、].*");
            List<String> items = new ArrayList<>();
            int j = i;
            while (j < raw.length && LIST_ITEM.matcher(raw[j].strip()).find()) {
                items.add(LIST_ITEM.matcher(raw[j].strip()).replaceFirst("").strip());
                j++;
            }
            if (items.size() >= 2) {
                List<String> parts = new ArrayList<>(items);
                parts.add(0, leadIn(lead));
                lists.add(new ListUnit(leadIn(lead), items, numbered, false, paragraph.editorial(),
                        sentencesHolding(parts, p)));
            }
            i = j - 1;
        }
    }

    private void inline(String line, boolean editorial, int p) {
        Matcher m = INLINE_LIST.matcher(line);
        while (m.find()) {
            List<String> items = new ArrayList<>(List.of(m.group(2).split("[、;;]")));
            Matcher last = LAST_JOINED.matcher(items.get(items.size() - 1).strip());
            if (items.size() >= 2 && last.matches()) {
                items.set(items.size() - 1, last.group(1));
                items.add(last.group(2));
            }
            // A lead-in with quotes or brackets is a remark about words, not a list the section gives.
            if (items.size() >= 3 && !m.group(1).matches(".*[\"“”「」()()].*")) {
                lists.add(new ListUnit(leadIn(m.group(1)), items.stream().map(String::strip).toList(), false, true,
                        editorial, sentencesHolding(List.of(leadIn(m.group(1))), p)));
            }
        }
    }

    /** The last clause of a lead-in, without its colon: "客户通常从五个维度评价服务质量". */
    private static String leadIn(String lead) {
        String s = lead.replaceAll("[::]\\s*$", "").strip();
        int cut = Math.max(s.lastIndexOf('。'), s.lastIndexOf(';'));
        return cut >= 0 && cut < s.length() - 1 ? s.substring(cut + 1).strip() : s;
    }

    /** The sentences of paragraph {@code p} holding the start of any of {@code parts}; the first one if none. */
    private List<Integer> sentencesHolding(List<String> parts, int p) {
        List<Integer> out = new ArrayList<>();
        for (Sentence s : sentences) {
            if (s.paragraph() != p) {
                continue;
            }
            for (String part : parts) {
                String probe = part.length() > 8 ? part.substring(0, 8) : part;
                if (!probe.isEmpty() && s.text().contains(probe)) {
                    out.add(s.index());
                    break;
                }
            }
        }
        if (out.isEmpty()) {
            sentences.stream().filter(s -> s.paragraph() == p).findFirst().ifPresent(s -> out.add(s.index()));
        }
        return out;
    }
}
