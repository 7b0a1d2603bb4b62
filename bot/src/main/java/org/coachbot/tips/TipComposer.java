package org.coachbot.tips;

import org.coachbot.chat.Html;
import org.coachbot.knowledge.Section;
import org.coachbot.text.Texts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds what an agent reads mid-call: the glance (the technique in a line or two, a sentence to say now, the
 * source), and the whole section behind 展开. Everything shown is the section's own text; what the knowledge's
 * editors wrote beyond the seed material is marked 编者补充.
 */
public final class TipComposer {
    /** A sentence shorter than this, once its quotes are cut off, is a lead-in to a quote, not a technique. */
    private static final int MIN_TECHNIQUE_CHARS = 8;
    /** A second sentence of technique is added only while the technique stays this short. */
    private static final int TECHNIQUE_CHARS = 110;

    private final Texts texts;
    private final int maxChars;

    /** @param maxChars longest glance in characters as the agent sees it (text without markup) */
    public TipComposer(Texts texts, int maxChars) {
        if (maxChars < 200) {
            throw new IllegalArgumentException("maxChars must be >= 200");
        }
        this.texts = texts;
        this.maxChars = maxChars;
    }

    /** The longest glance, in characters as the agent sees them. */
    public int maxChars() {
        return maxChars;
    }

    /**
     * The glance for a section: the sentence that best says what to do, the example line that fits the question
     * best, the source. {@code normalizedQuestion} is the question as the retriever normalised it; it may be empty
     * when the question is no longer known (a button pressed after a restart).
     */
    public String glance(String normalizedQuestion, Section section) {
        SectionReading reading = new SectionReading(section);
        Set<String> asked = pairs(normalizedQuestion);
        Technique technique = technique(reading, asked);
        List<SectionReading.Line> lines = rankedLines(reading, asked);
        for (List<Piece> pieces : List.of(technique.rich(), technique.lean())) {
            for (SectionReading.Line line : lines) {
                if (pieces.stream().anyMatch(p -> p.text().contains(line.text()))) {
                    continue; // the technique already says it
                }
                String out = render(section, pieces, Optional.of(line));
                if (Html.toPlain(out).length() <= maxChars) {
                    return out;
                }
            }
        }
        for (List<Piece> pieces : List.of(technique.rich(), technique.lean())) {
            String out = render(section, pieces, Optional.empty());
            if (Html.toPlain(out).length() <= maxChars) {
                return out;
            }
        }
        return cut(section, technique.lean());
    }

    /** The head of a message written by the language model for a section: its title. */
    public String title(Section section) {
        return Html.bold(section.title());
    }

    /** The source line under a tip. */
    public String source(Section section) {
        return Html.italic(texts.get("tip.source", section.topic(), section.title()));
    }

    /** A section in full, for 展开; paragraphs the editors wrote keep their 【编者补充】 mark. */
    public String full(Section section) {
        return Html.bold(section.title()) + "\n" + Html.escape(plain(section.body()).strip()) + "\n" + source(section);
    }

    /** Text of the glance and the part of the section it came from. */
    private record Piece(String text, boolean editorial) {
    }

    /** The technique with its context when there is room ({@code rich}), and without ({@code lean}). */
    private record Technique(List<Piece> rich, List<Piece> lean) {
    }

    /**
     * The instruction that fits the question best, the seeds' before the editors' unless the editors' fits clearly
     * better; a seed sentence goes first as context when the instruction is the editors'. A short seed instruction
     * takes the sentence after it, which usually says how.
     */
    private static Technique technique(SectionReading reading, Set<String> asked) {
        // A pointer to another section ("……见"客户辱骂、骚扰时能不能挂电话"") teaches nothing on its own.
        List<SectionReading.Sentence> candidates = reading.sentences().stream()
                .filter(s -> withoutQuotes(s.text()).length() >= MIN_TECHNIQUE_CHARS)
                .filter(s -> !s.text().matches(".*见[\"“「].*")).toList();
        Technique chosen = choose(candidates, asked);
        // A technique of one short sentence leaves room for the sentence after it, which usually says more.
        if (chosen.rich().size() == 1 && chosen.rich().get(0).text().length() < TECHNIQUE_CHARS / 2) {
            SectionReading.Sentence only = candidates.stream()
                    .filter(s -> leadIn(s.text()).equals(chosen.rich().get(0).text())).findFirst().orElse(null);
            int next = only == null ? -1 : candidates.indexOf(only) + 1;
            if (next > 0 && next < candidates.size() && candidates.get(next).paragraph() == only.paragraph()) {
                return new Technique(List.of(chosen.rich().get(0), piece(candidates.get(next))), chosen.lean());
            }
        }
        return chosen;
    }

    private static Technique choose(List<SectionReading.Sentence> candidates, Set<String> asked) {
        if (candidates.isEmpty()) {
            return new Technique(List.of(), List.of());
        }
        Optional<SectionReading.Sentence> seed = best(candidates.stream().filter(s -> !s.editorial()).toList(), asked);
        Optional<SectionReading.Sentence> editors = best(candidates.stream()
                .filter(s -> s.editorial() && s.imperative()).toList(), asked);
        boolean seedInstructs = seed.isPresent() && seed.get().imperative() && (editors.isEmpty()
                || overlap(asked, seed.get().text()) >= overlap(asked, editors.get().text()) - 1);
        if (seedInstructs) {
            List<Piece> lean = List.of(piece(seed.get()));
            if (lean.get(0).text().length() >= TECHNIQUE_CHARS / 2) {
                return new Technique(lean, lean);
            }
            // A short seed instruction often only names the technique; the sentence after it, or else the
            // editors' best instruction, says how.
            int next = candidates.indexOf(seed.get()) + 1;
            Optional<SectionReading.Sentence> how = next < candidates.size()
                    && candidates.get(next).paragraph() == seed.get().paragraph()
                    ? Optional.of(candidates.get(next)) : editors;
            return how.map(h -> new Technique(List.of(lean.get(0), piece(h)), lean))
                    .orElseGet(() -> new Technique(lean, lean));
        }
        SectionReading.Sentence instruction = editors.or(() -> seed).orElse(candidates.get(0));
        List<Piece> lean = List.of(piece(instruction));
        Optional<SectionReading.Sentence> context = closest(candidates.stream().filter(s -> !s.editorial()).toList(),
                asked);
        return context.isPresent() && context.get() != instruction
                ? new Technique(List.of(piece(context.get()), lean.get(0)), lean) : new Technique(lean, lean);
    }

    private static Piece piece(SectionReading.Sentence s) {
        return new Piece(leadIn(s.text()), s.editorial());
    }

    /**
     * Sections say what to do before they elaborate, so the earliest instruction wins unless a later one shares
     * clearly more words with the question; without instructions, the same among all sentences.
     */
    private static Optional<SectionReading.Sentence> best(List<SectionReading.Sentence> sentences, Set<String> asked) {
        List<SectionReading.Sentence> pool = sentences.stream().filter(SectionReading.Sentence::imperative).toList();
        return closest(pool.isEmpty() ? sentences : pool, asked);
    }

    /** The earliest sentence sharing at most one word pair less with the question than the closest one. */
    private static Optional<SectionReading.Sentence> closest(List<SectionReading.Sentence> sentences,
                                                             Set<String> asked) {
        int most = sentences.stream().mapToInt(s -> overlap(asked, s.text())).max().orElse(0);
        return sentences.stream().filter(s -> overlap(asked, s.text()) >= most - 1).findFirst();
    }

    /** Lines sharing the most words with the question first; seed lines before the editors' on a tie. */
    private static List<SectionReading.Line> rankedLines(SectionReading reading, Set<String> asked) {
        List<SectionReading.Line> lines = new ArrayList<>(reading.lines());
        Comparator<SectionReading.Line> byFit = Comparator.comparingInt(l -> -overlap(asked, l.context()));
        lines.sort(byFit.thenComparing(l -> l.editorial() ? 1 : 0));
        return lines;
    }

    private String render(Section section, List<Piece> technique, Optional<SectionReading.Line> line) {
        StringBuilder out = new StringBuilder(Html.bold(section.title()));
        if (!technique.isEmpty()) {
            out.append('\n');
            for (Piece p : technique) {
                out.append(Html.escape(p.text())).append(p.editorial() ? texts.get("tip.editorial") : "");
            }
        }
        line.ifPresent(l -> out.append('\n').append(Html.bold(texts.get("tip.say.label")))
                .append(Html.escape(texts.get("tip.say", l.text())))
                .append(l.editorial() ? texts.get("tip.editorial") : ""));
        return out.append('\n').append(source(section)).toString();
    }

    /** Last resort for a section whose first sentence alone is too long: cut it at a clause end. */
    private String cut(Section section, List<Piece> technique) {
        String empty = render(section, List.of(), Optional.empty());
        int room = maxChars - Html.toPlain(empty).length() - 2;
        String text = technique.isEmpty() ? plain(section.body()).strip() : technique.get(0).text();
        String head = text.substring(0, Math.min(text.length(), Math.max(room, 0)));
        int clause = Math.max(head.lastIndexOf(','), Math.max(head.lastIndexOf(';'), head.lastIndexOf('、')));
        head = (clause > room / 2 ? head.substring(0, clause) : head.substring(0, Math.max(0, head.length() - 1)))
                + "…";
        boolean editorial = !technique.isEmpty() && technique.get(0).editorial();
        return render(section, List.of(new Piece(head, editorial)), Optional.empty());
    }

    /**
     * A sentence that leads into a quoted line ("诚恳道歉并表示理解:"……"") is cut before the quote, which the glance
     * shows as the line to say; a sentence that is more than a lead-in is kept whole.
     */
    static String leadIn(String sentence) {
        String s = sentence.replaceFirst("^(做法|具体做法|用法|意思是)[::]", "").strip();
        int quote = firstQuote(s);
        // Only "…:"line"" leads into its quote; "每次都先说"…"" needs the quote to make sense and stays whole.
        if (quote >= 0 && endsWithQuote(s, quote) && s.substring(0, quote).strip().matches(".*[::]$")) {
            String head = s.substring(0, quote).strip().replaceAll(
                    "[,,]?\\s*(例如先问|例如先说|例如|比如|可以说|可以问|再说|先说)?[::]$", "").strip();
            // "要说:"对不起……"" without its quote says nothing; such a sentence keeps its line.
            if (head.length() >= MIN_TECHNIQUE_CHARS && !head.matches(".*[说问讲喊道是为]$")) {
                s = head;
            }
        }
        s = s.replaceAll("[;;,,、::]$", "");
        return s.matches(".*[。!?!?…\"”」]$") ? s : s + "。";
    }

    /** Whether the quote opening at {@code start} runs to the end of the sentence, so the sentence leads into it. */
    private static boolean endsWithQuote(String s, int start) {
        char open = s.charAt(start);
        char close = open == '"' ? '"' : open == '“' ? '”' : open == '「' ? '」' : '』';
        int end = s.indexOf(close, start + 1);
        return end > 0 && s.substring(end + 1).replaceAll("[\\p{P}\\s]", "").isEmpty();
    }

    private static int firstQuote(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("\"“「『".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String withoutQuotes(String s) {
        return s.replaceAll("\"[^\"]*\"|“[^”]*”|「[^」]*」", "").replaceAll("[\\p{P}\\s]", "");
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

    /** Character pairs of the Chinese text, the unit questions and sections are compared in. */
    static Set<String> pairs(String text) {
        Set<String> out = new HashSet<>();
        for (String run : text.split("[^\\p{IsHan}]+")) {
            for (int i = 0; i + 1 < run.length(); i++) {
                out.add(run.substring(i, i + 2));
            }
        }
        return out;
    }

    private static int overlap(Set<String> asked, String text) {
        int n = 0;
        for (String p : pairs(text)) {
            if (asked.contains(p)) {
                n++;
            }
        }
        return n;
    }
}
