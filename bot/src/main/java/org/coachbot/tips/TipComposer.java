package org.coachbot.tips;

import org.coachbot.chat.Html;
import org.coachbot.knowledge.Section;
import org.coachbot.knowledge.SectionSentences;
import org.coachbot.retrieval.Hit;
import org.coachbot.retrieval.SentenceScores;
import org.coachbot.text.Texts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds what an agent reads mid-call: the glance (the technique in a line or two, a sentence to say now, the
 * source), and the whole section behind 展开. Everything shown is the section's own text; what the knowledge's
 * editors wrote beyond the seed material is marked 编者补充.
 */
public final class TipComposer {
    /** A lead-in shorter than this, once its quote is cut off, says nothing on its own. */
    private static final int MIN_LEAD_IN_CHARS = 8;
    /** A section title that names a procedure: its numbered steps answer how to handle the case. */
    private static final Pattern PROCEDURE_TITLE = Pattern.compile("步骤|流程|程序|顺序|几步|准则");
    /** Sections searched for the list a 哪些 / 几个 question asks for. */
    private static final int LIST_SECTIONS = 3;
    /**
     * A further sentence joins the glance when its cosine is within this much of the section's closest. On the tuned
     * answer set, first messages holding the first and most key points went from 0.66 (no further sentence) to
     * 0.75 at 0.1, 0.81 at 0.25 and 0.82 with any sentence of the section; 0.25 keeps out what is about something
     * else.
     */
    static final double FILL_MARGIN = 0.25;
    /**
     * A further section's sentence joins the glance when its cosine is within this much of the glance section's
     * closest, and the section is among the next {@link #COMPANIONS} within {@link #COMPANION_HIT_GAP} of the first
     * in retrieval's score.
     */
    static final double COMPANION_MARGIN = 0.05;
    static final double COMPANION_HIT_GAP = 0.05;
    static final int COMPANIONS = 2;
    /** The most principles a glance names. */
    private static final int PRINCIPLES = 6;
    /** Principles of further sections join the line while it stays this short, so it is read at a glance. */
    private static final int PRINCIPLES_CHARS = 60;
    /**
     * A section ranked this close to the first lends its principles to the glance: a situation often calls on
     * the principles of two neighbouring sections (a caller who shouts: calming the anger and not raising one's
     * own voice). Wider than {@link #COMPANION_HIT_GAP}, since a principle is a few characters and a sentence is
     * many; 0.05 and 0.1 measured the same on the tuned sets, 0.2 lower.
     */
    static final double PRINCIPLES_HIT_GAP = 0.1;
    /** A sentence whose character pairs are this much in the glance already adds nothing. */
    private static final double REPEATED_SHARE = 0.6;

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
        return glance(normalizedQuestion, List.of(new Hit(section, 0)), SentenceScores.NONE).html();
    }

    /** A glance and the section it was drawn from, the one its title and source name. */
    public record Glance(String html, Section section) {
    }

    /**
     * The glance that answers the question from the best sections (with how relevant retrieval found each, which
     * a lower-ranked section's list must overcome): for a question about a list its items, for a
     * definition the definition, for yes or no the stance first, otherwise what to do and a line to say now; each
     * chosen by meaning with {@code scores}, or by shared words when they are unknown.
     */
    public Glance glance(String normalizedQuestion, List<Hit> hits, SentenceScores scores) {
        List<Section> ranking = hits.stream().map(Hit::section).toList();
        Set<String> asked = pairs(normalizedQuestion);
        QuestionForm form = QuestionForm.of(normalizedQuestion);
        if (form == QuestionForm.LIST) {
            // The best few sections, read once for both ways of answering with a list.
            List<SentencePicker> pickers = ranking.stream().limit(LIST_SECTIONS)
                    .map(s -> new SentencePicker(s, scores, asked)).toList();
            Optional<Glance> list = namedItem(normalizedQuestion, ranking, pickers)
                    .or(() -> list(normalizedQuestion, hits, pickers));
            if (list.isPresent()) {
                return list.get();
            }
        }
        Section section = ranking.get(0);
        SentencePicker picker = new SentencePicker(section, scores, asked);
        Fill fill = new Fill(hits, scores, asked);
        Optional<String> principles = principles(fill, section, picker);
        if (form == QuestionForm.SAY) {
            Optional<Glance> say = say(section, picker, principles);
            if (say.isPresent()) {
                return say.get();
            }
        }
        List<List<Piece>> bodies = grounded(principles, bodies(picker, form), form);
        List<SectionReading.Line> lines = picker.lines();
        for (List<Piece> pieces : bodies) {
            for (SectionReading.Line line : lines) {
                if (pieces.stream().anyMatch(p -> p.text().contains(line.text()))) {
                    continue; // the technique already says it
                }
                String out = render(section, pieces, Optional.of(line));
                if (Html.toPlain(out).length() <= maxChars) {
                    return new Glance(filled(fill, section, picker, pieces, Optional.of(line)), section);
                }
            }
            String out = render(section, pieces, Optional.empty());
            if (Html.toPlain(out).length() <= maxChars && (lines.isEmpty() || pieces == bodies.get(bodies.size() - 1)
                    || form == QuestionForm.WHAT)) {
                return new Glance(filled(fill, section, picker, pieces, Optional.empty()), section);
            }
        }
        for (List<Piece> pieces : bodies) {
            String out = render(section, pieces, Optional.empty());
            if (Html.toPlain(out).length() <= maxChars) {
                return new Glance(out, section);
            }
        }
        return new Glance(cut(section, bodies.get(bodies.size() - 1)), section);
    }

    /**
     * The glance with the room left under {@link #maxChars} given to further sentences about as close to the
     * question as the section's closest one, closest first and shown in reading order: the section's own, and those
     * of the next sections retrieval found about as relevant (a silent customer's 诱导法 and 沉默对沉默 are two
     * sections; an agent who does not press 展开 sees only this message). A further section's sentences come under
     * its title, and its source is named.
     */
    private String filled(Fill fill, Section section, SentencePicker picker, List<Piece> pieces,
                          Optional<SectionReading.Line> line) {
        double best = picker.best();
        List<Candidate> pool = new ArrayList<>();
        picker.candidates().forEach(s -> pool.add(new Candidate(section, s, picker.relevance(s.index()))));
        for (Hit hit : companions(fill, section, picker)) {
            SentencePicker other = new SentencePicker(hit.section(), fill.scores(), fill.asked());
            other.candidates().stream().filter(s -> other.relevance(s.index()) >= best - COMPANION_MARGIN)
                    .forEach(s -> pool.add(new Candidate(hit.section(), s, other.relevance(s.index()))));
        }
        pool.sort(Comparator.comparingDouble(c -> -c.relevance()));
        List<Candidate> added = new ArrayList<>();
        for (Candidate c : pool) {
            if (c.relevance() < best - FILL_MARGIN) {
                continue;
            }
            List<Piece> shown = shown(pieces, added);
            if (said(shown, line, c.sentence().text()) || said(shown, line, piece(c.sentence()).text())) {
                continue;
            }
            List<Candidate> more = new ArrayList<>(added);
            more.add(c);
            if (Html.toPlain(render(section, pieces, more, line)).length() <= maxChars) {
                added = more;
            }
        }
        return render(section, pieces, added, line);
    }

    /** What the glance asks the next sections for: the ranking, the sentence scores and the question's words. */
    private record Fill(List<Hit> hits, SentenceScores scores, Set<String> asked) {
    }

    /** A sentence that may join the glance, from the glance's section or a further one. */
    private record Candidate(Section section, SectionReading.Sentence sentence, double relevance) {
    }

    /**
     * The next sections retrieval found about as relevant as the first, whose sentences may join its glance; none
     * without sentence scores, since words alone cannot tell a neighbour that answers from one that does not.
     */
    private static List<Hit> companions(Fill fill, Section section, SentencePicker picker) {
        return companions(fill, section, picker, COMPANION_HIT_GAP);
    }

    /** The next {@link #COMPANIONS} sections ranked within {@code gap} of the first; none without sentence scores. */
    private static List<Hit> companions(Fill fill, Section section, SentencePicker picker, double gap) {
        if (fill.hits().isEmpty() || !picker.byMeaning()) {
            return List.of();
        }
        double top = fill.hits().get(0).score();
        return fill.hits().stream().filter(h -> !h.section().id().equals(section.id()))
                .filter(h -> top - h.score() <= gap).limit(COMPANIONS).toList();
    }

    /** The pieces and the further sentences of the glance's own section and of others, as text. */
    private static List<Piece> shown(List<Piece> pieces, List<Candidate> added) {
        List<Piece> out = new ArrayList<>(pieces);
        added.forEach(c -> out.add(piece(c.sentence())));
        return out;
    }

    /**
     * Whether a sentence mostly repeats what the glance already says: a list shown item by item is also written
     * out as a sentence in some sections, and a technique may restate its own line.
     */
    private static boolean said(List<Piece> pieces, Optional<SectionReading.Line> line, String sentence) {
        if (pieces.stream().anyMatch(p -> p.text().contains(sentence) || sentence.contains(p.text()))
                || line.isPresent() && sentence.contains(line.get().text())) {
            return true;
        }
        StringBuilder shown = new StringBuilder();
        pieces.forEach(p -> shown.append(p.text()).append('\n'));
        line.ifPresent(l -> shown.append(l.text()));
        Set<String> own = pairs(sentence);
        return !own.isEmpty() && overlap(pairs(shown.toString()), sentence) >= REPEATED_SHARE * own.size();
    }

    /**
     * For a question about what to say: the principles the situation calls on when they fit, the lines closest to
     * it (two when they fit), then the instruction they come with; empty when the section has no line to say.
     */
    private Optional<Glance> say(Section section, SentencePicker picker, Optional<String> principles) {
        List<SectionReading.Line> lines = picker.lines();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Optional<Piece> how = picker.instruction().map(TipComposer::piece)
                .filter(p -> !p.text().contains(lines.get(0).text()));
        List<List<SectionReading.Line>> choices = new ArrayList<>();
        if (lines.size() > 1) {
            choices.add(lines.subList(0, 2));
        }
        choices.add(lines.subList(0, 1));
        List<Optional<String>> heads = principles.isPresent() ? List.of(principles, Optional.empty())
                : List.of(Optional.empty());
        for (Optional<String> head : heads) {
            for (boolean withHow : new boolean[]{true, false}) {
                for (List<SectionReading.Line> chosen : choices) {
                    String html = sayText(section, head, chosen, withHow ? how : Optional.empty());
                    if (Html.toPlain(html).length() <= maxChars) {
                        return Optional.of(new Glance(html, section));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A what-to-say glance: title, principles if any, the lines, the instruction if any, the source. */
    private String sayText(Section section, Optional<String> principles, List<SectionReading.Line> chosen,
                           Optional<Piece> how) {
        StringBuilder out = new StringBuilder(Html.bold(section.title()));
        principles.ifPresent(p -> out.append('\n').append(Html.escape(p)));
        for (int i = 0; i < chosen.size(); i++) {
            SectionReading.Line l = chosen.get(i);
            out.append('\n').append(Html.bold(texts.get(i == 0 ? "tip.say.label" : "tip.say.also")))
                    .append(Html.escape(texts.get("tip.say", l.text())))
                    .append(l.editorial() ? texts.get("tip.editorial") : "");
        }
        how.ifPresent(h -> out.append('\n').append(Html.escape(h.text()))
                .append(h.editorial() ? texts.get("tip.editorial") : ""));
        return out.append('\n').append(source(section)).toString();
    }

    /**
     * For a question about how to handle a situation (how, what to say, whether one may), each way to say the
     * answer with the training material's principles the section applies on a line of their own (first, or after
     * the yes or no), before the same ways without them: an agent sees at a glance what in their training the
     * situation calls for, and the line to say stays.
     */
    private List<List<Piece>> grounded(Optional<String> named, List<List<Piece>> bodies, QuestionForm form) {
        if (form == QuestionForm.LIST || form == QuestionForm.WHAT || named.isEmpty()) {
            return bodies;
        }
        Piece principles = new Piece(named.get(), false, true);
        List<List<Piece>> out = new ArrayList<>();
        for (List<Piece> body : bodies) {
            List<Piece> led = new ArrayList<>(body);
            // A yes-or-no question is answered first; the principles follow the stance.
            led.add(form == QuestionForm.YES_NO && !body.isEmpty() ? 1 : 0, principles);
            out.add(led);
        }
        out.addAll(bodies);
        return out;
    }

    /**
     * The principles line: those the section applies, then those of the next sections retrieval found within
     * {@link #PRINCIPLES_HIT_GAP}, each once, at most {@link #PRINCIPLES} of them; empty when none are named.
     */
    private Optional<String> principles(Fill fill, Section section, SentencePicker picker) {
        Set<String> out = new LinkedHashSet<>(section.principles());
        companions(fill, section, picker, PRINCIPLES_HIT_GAP).stream()
                .flatMap(h -> h.section().principles().stream()).forEach(p -> {
                    if (out.size() < PRINCIPLES && String.join(";", out).length() + 1 + p.length()
                            <= PRINCIPLES_CHARS) {
                        out.add(p);
                    }
                });
        return out.isEmpty() ? Optional.empty()
                : Optional.of(texts.get("tip.principles", String.join(";", out)));
    }

    /** The ways to say the answer, richest first, each shorter than or as long as the one before. */
    private static List<List<Piece>> bodies(SentencePicker picker, QuestionForm form) {
        List<List<Piece>> out = new ArrayList<>();
        Optional<SectionReading.Sentence> main = switch (form) {
            case WHAT -> picker.definition();
            case YES_NO -> picker.stance();
            case LIST -> picker.closestAny();
            case SAY, HOW -> picker.instruction();
        };
        if (main.isEmpty()) {
            out.add(List.of());
            return out;
        }
        SectionReading.Sentence first = main.get();
        if (form == QuestionForm.HOW) {
            // Steps the section is about ("投诉处理四个步骤"), or steps as close to the question as any instruction,
            // are the answer to how to handle it.
            boolean aboutSteps = PROCEDURE_TITLE.matcher(picker.reading().title()).find();
            picker.lists().stream().filter(SectionReading.ListUnit::procedure)
                    .filter(u -> (aboutSteps && u.numbered())
                            || picker.relevance(u) >= picker.relevance(first.index()) - SentencePicker.TIE)
                    .findFirst().ifPresent(u -> {
                        for (ListStyle style : ListStyle.values()) {
                            out.add(List.of(new Piece(style.render(u), u.editorial())));
                        }
                    });
        }
        Optional<SectionReading.Sentence> more = switch (form) {
            case YES_NO -> picker.instruction().filter(s -> s != first);
            case WHAT, LIST -> picker.next(first);
            default -> SentencePicker.shortInstruction(first) ? picker.next(first) : Optional.empty();
        };
        Optional<SectionReading.Sentence> grounding = form == QuestionForm.HOW ? picker.grounding(first)
                : Optional.empty();
        List<Piece> rich = new ArrayList<>();
        grounding.ifPresent(g -> rich.add(piece(g)));
        rich.add(piece(first));
        more.ifPresent(m -> rich.add(piece(m)));
        out.add(rich);
        if (more.isPresent()) {
            out.add(List.of(piece(first), piece(more.get())));
        }
        if (grounding.isPresent() && more.isEmpty()) {
            out.add(rich);
        }
        out.add(List.of(piece(first)));
        return out;
    }

    /**
     * A glance that lists the items of the list closest to the question among the best few sections; a lower-ranked
     * section's list must be clearly closer to win ("售后服务包括哪些" is answered by the after-sales list, not by the
     * overview that names after-sales as one of three stages).
     */
    private Optional<Glance> list(String normalizedQuestion, List<Hit> ranking, List<SentencePicker> pickers) {
        Section bestSection = null;
        SectionReading.ListUnit best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int rank = 0; rank < pickers.size(); rank++) {
            SentencePicker picker = pickers.get(rank);
            // A lower-ranked section's list pays for its rank, and for how much less relevant retrieval found it.
            double behind = Math.max(rank * 3 * SentencePicker.TIE,
                    2 * (ranking.get(0).score() - ranking.get(rank).score()));
            for (SectionReading.ListUnit unit : picker.lists()) {
                if (namesAnItem(normalizedQuestion, unit)) {
                    continue; // "售后服务包括哪些" asks what one item holds, not for the list that names it
                }
                double score = picker.relevance(unit) - behind;
                if (score > bestScore) {
                    bestScore = score;
                    best = unit;
                    bestSection = ranking.get(rank).section();
                }
            }
        }
        return best == null ? Optional.empty() : fitted(bestSection, best);
    }

    /**
     * When the question names one item of a list that holds a list of its own ("心理素质:处变不惊的应变力;挫折打击的
     * 承受能力;……"), a glance that lists that item's parts: "客服要有哪些心理素质" asks for the five, not for the four
     * kinds of quality the overview names.
     */
    private Optional<Glance> namedItem(String normalizedQuestion, List<Section> ranking,
                                       List<SentencePicker> pickers) {
        for (int rank = 0; rank < pickers.size(); rank++) {
            for (SectionReading.ListUnit unit : pickers.get(rank).lists()) {
                for (String item : unit.items()) {
                    Optional<SectionReading.ListUnit> parts = parts(item, unit);
                    if (parts.isPresent() && normalizedQuestion.contains(parts.get().lead())) {
                        Optional<Glance> glance = fitted(ranking.get(rank), parts.get());
                        if (glance.isPresent()) {
                            return glance;
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The list as a glance in the fullest style that fits the limit; empty when not even its names fit. */
    private Optional<Glance> fitted(Section section, SectionReading.ListUnit unit) {
        for (ListStyle style : ListStyle.values()) {
            String out = render(section, List.of(new Piece(style.render(unit), unit.editorial())), Optional.empty());
            if (Html.toPlain(out).length() <= maxChars) {
                return Optional.of(new Glance(out, section));
            }
        }
        return Optional.empty();
    }

    /** Whether the question names one of the list's items (of at least three characters) word for word. */
    private static boolean namesAnItem(String normalizedQuestion, SectionReading.ListUnit unit) {
        return unit.items().stream().map(i -> i.split("[::((]", 2)[0].strip())
                .anyMatch(name -> name.length() >= 3 && normalizedQuestion.contains(name));
    }

    /** An item "name:part;part;part" as a list of its own, led by its name; empty for an item without parts. */
    private static Optional<SectionReading.ListUnit> parts(String item, SectionReading.ListUnit of) {
        String[] named = item.split("[::]", 2);
        if (named.length < 2 || named[0].strip().length() < 2 || named[0].strip().length() > 10) {
            return Optional.empty();
        }
        String rest = named[1].strip().replaceAll("[。;;]+$", "");
        String[] parts = rest.split("[;;]");
        if (parts.length < 2) {
            parts = rest.split("、");
        }
        List<String> out = Arrays.stream(parts).map(String::strip).filter(p -> !p.isEmpty()).toList();
        return out.size() < 2 ? Optional.empty() : Optional.of(new SectionReading.ListUnit(named[0].strip(), out,
                false, false, of.editorial(), of.sentences()));
    }

    /** How much of each item a list shows: whole, its first clause, or only its name. */
    enum ListStyle {
        WHOLE, FIRST_CLAUSE, NAMES;

        private static final String NUMBERS = "①②③④⑤⑥⑦⑧⑨⑩";

        /** The list with its lead-in: one item a line, numbered when the section numbers them; names in a row. */
        String render(SectionReading.ListUnit unit) {
            List<String> items = unit.items().stream().map(this::item).toList();
            String lead = unit.lead().isEmpty() ? "" : unit.lead() + ":";
            if (this == NAMES || unit.inline()) {
                return lead + String.join("、", items) + "。";
            }
            StringBuilder out = new StringBuilder(lead);
            for (int i = 0; i < items.size(); i++) {
                out.append(out.isEmpty() ? "" : "\n").append(unit.numbered() && i < NUMBERS.length() ? NUMBERS.charAt(i) + "" : "• ")
                        .append(items.get(i));
            }
            return out.toString();
        }

        private String item(String raw) {
            String s = raw.replaceAll("\\([^)]*\\)|\uff08[^\uff09]*\uff09", "")
                    .replaceAll("[;;。,,]+$", "").strip();
            return switch (this) {
                case WHOLE -> s;
                case FIRST_CLAUSE -> firstClause(s);
                case NAMES -> name(s);
            };
        }

        /** The item up to its first clause; "……等" when an enumeration of its own was cut. */
        private static String firstClause(String item) {
            String[] parts = item.split("[,,;;。]", 2);
            boolean cutEnumeration = parts.length == 2 && item.charAt(parts[0].length()) != ','
                    && item.charAt(parts[0].length()) != ',';
            return parts[0] + (cutEnumeration ? "等" : "");
        }

        /** "可靠度:可靠、准确地……" names 可靠度; an item without a name is cut to its first clause. */
        private static String name(String item) {
            String[] named = item.split("[::]|——", 2);
            if (named.length == 2 && named[0].length() <= 16) {
                return named[1].isEmpty() ? named[0] : named[0].length() <= 2 ? item.split("[,,;;。]")[0]
                        : named[0];
            }
            String clause = item.split("[,,;;。]")[0];
            return clause.length() <= 14 ? clause : clause.substring(0, 13) + "…";
        }
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

    /**
     * Text of the glance and the part of the section it came from.
     *
     * @param ownLine whether it stands on a line of its own, as the principles do
     */
    private record Piece(String text, boolean editorial, boolean ownLine) {
        Piece(String text, boolean editorial) {
            this(text, editorial, false);
        }
    }

    private static Piece piece(SectionReading.Sentence s) {
        return new Piece(leadIn(s.text()), s.editorial());
    }

    private String render(Section section, List<Piece> technique, Optional<SectionReading.Line> line) {
        return render(section, technique, List.of(), line);
    }

    /**
     * The glance: the section's title, the chosen pieces with the further sentences of the same section in reading
     * order, the line to say, each further section's sentences under its title, and the sources.
     */
    private String render(Section section, List<Piece> technique, List<Candidate> extras,
                          Optional<SectionReading.Line> line) {
        List<Piece> own = new ArrayList<>(technique);
        own.addAll(inReadingOrder(extras, section));
        StringBuilder out = new StringBuilder(Html.bold(section.title()));
        if (!own.isEmpty()) {
            out.append('\n').append(pieces(own));
        }
        line.ifPresent(l -> out.append('\n').append(Html.bold(texts.get("tip.say.label")))
                .append(Html.escape(texts.get("tip.say", l.text())))
                .append(l.editorial() ? texts.get("tip.editorial") : ""));
        List<Section> others = extras.stream().map(Candidate::section).filter(s -> s != section).distinct().toList();
        for (Section other : others) {
            out.append('\n').append(Html.bold(texts.get("tip.also", other.title())))
                    .append(pieces(inReadingOrder(extras, other)));
        }
        out.append('\n').append(source(section));
        others.forEach(o -> out.append('\n').append(source(o)));
        return out.toString();
    }

    /** The further sentences drawn from {@code section}, in its reading order. */
    private static List<Piece> inReadingOrder(List<Candidate> extras, Section section) {
        return extras.stream().filter(c -> c.section() == section)
                .sorted(Comparator.comparingInt(c -> c.sentence().index())).map(c -> piece(c.sentence())).toList();
    }

    /** Pieces one after another; a list is shown item by item and what follows it starts on a line of its own. */
    private String pieces(List<Piece> pieces) {
        StringBuilder out = new StringBuilder();
        boolean afterList = false;
        for (Piece p : pieces) {
            out.append(afterList || p.ownLine() && !out.isEmpty() ? "\n" : "").append(Html.escape(p.text()))
                    .append(p.editorial() ? texts.get("tip.editorial") : "");
            afterList = p.ownLine() || p.text().contains("\n");
        }
        return out.toString();
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
            if (head.length() >= MIN_LEAD_IN_CHARS && !head.matches(".*[说问讲喊道是为]$")) {
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

    static String withoutQuotes(String s) {
        return s.replaceAll("\"[^\"]*\"|“[^”]*”|「[^」]*」", "").replaceAll("[\\p{P}\\s]", "");
    }

    /** Drops Markdown marks that mean nothing in a chat message. */
    static String plain(String markdown) {
        return SectionSentences.plain(markdown);
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

    static int overlap(Set<String> asked, String text) {
        int n = 0;
        for (String p : pairs(text)) {
            if (asked.contains(p)) {
                n++;
            }
        }
        return n;
    }
}
