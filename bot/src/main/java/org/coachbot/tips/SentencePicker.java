package org.coachbot.tips;

import org.coachbot.retrieval.SentenceScores;
import org.coachbot.knowledge.Section;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chooses what of a section answers the question, by meaning: each sentence is judged by how close it is to the
 * question (the embedding's cosine, or shared words when no embedding is known), never by its position alone. The
 * question's form decides what is looked for: the items of a list, a definition, a stance (yes or no), or what to
 * do with a line to say.
 */
final class SentencePicker {
    /** A sentence shorter than this, once its quotes are cut off, is a lead-in to a quote, not a technique. */
    private static final int MIN_TECHNIQUE_CHARS = 8;
    /** An instruction this short usually only names the technique; the sentence after it says how. */
    private static final int SHORT_INSTRUCTION_CHARS = 55;
    /**
     * Cosines of two sentences of one section differ by a few hundredths; within this much the training
     * material's own sentence is preferred to the editors', and the earlier sentence to the later.
     */
    static final double TIE = 0.015;
    /** A definition ("X是…", "X指…") is what a 是什么 question asks for. */
    private static final Pattern DEFINITION = Pattern.compile("(是|指|即|就是|意思是|称为|叫做|在于|包括)");
    /** A sentence that takes a stance: can or cannot, must or must not. */
    private static final Pattern STANCE = Pattern.compile(
            "(可以|能|不能|不要|别|必须|应该|不应|不宜|不可|不得|允许|禁止|不必|没必要|最好|一定要|千万)");
    /** A sentence that opens with its answer: can, cannot, must, must not. */
    private static final Pattern LEADING_STANCE = Pattern.compile(
            "(可以|能|不能|不可以|不行|不要|不用|别|必须|应该|不应|不必|没必要|最好|一定要|千万|不[可得宜])");
    /** How much less close than the closest stance a sentence that opens with its answer may be. */
    static final double LEADING_STANCE_MARGIN = 0.1;
    /** "……见"客户辱骂、骚扰时能不能挂电话"" points elsewhere and teaches nothing on its own. */
    private static final Pattern POINTER = Pattern.compile(".*见[\"“「].*");

    private final SectionReading reading;
    private final double[] cosines;
    private final Set<String> asked;

    SentencePicker(Section section, SentenceScores scores, Set<String> asked) {
        this.reading = new SectionReading(section);
        double[] c = scores.of(section);
        this.cosines = c.length == reading.sentences().size() ? c : new double[0];
        this.asked = asked;
    }

    SectionReading reading() {
        return reading;
    }

    /** Whether the closeness of sentences comes from the embedding model. */
    boolean byMeaning() {
        return cosines.length > 0;
    }

    /** How close a sentence is to the question: its cosine, or a word-overlap score without embeddings. */
    double relevance(int sentence) {
        if (byMeaning()) {
            return cosines[sentence];
        }
        return TipComposer.overlap(asked, reading.sentences().get(sentence).text()) * (TIE * 2);
    }

    /** The highest relevance of any sentence, -1 for a section without sentences. */
    double best() {
        double best = -1;
        for (int i = 0; i < reading.sentences().size(); i++) {
            best = Math.max(best, relevance(i));
        }
        return best;
    }

    /** Sentences that can stand as an instruction: long enough without quotes, not a pointer elsewhere. */
    List<SectionReading.Sentence> candidates() {
        return reading.sentences().stream()
                .filter(s -> TipComposer.withoutQuotes(s.text()).length() >= MIN_TECHNIQUE_CHARS)
                .filter(s -> !POINTER.matcher(s.text()).matches()).toList();
    }

    /**
     * The instruction that answers the question best: the closest sentence that tells what to do; the training
     * material's own before the editors' and the earlier before the later when they are about as close.
     */
    Optional<SectionReading.Sentence> instruction() {
        List<SectionReading.Sentence> pool = candidates().stream().filter(SectionReading.Sentence::imperative)
                .toList();
        return closest(pool.isEmpty() ? candidates() : pool);
    }

    /** The definition closest to the question, else the closest sentence. */
    Optional<SectionReading.Sentence> definition() {
        List<SectionReading.Sentence> pool = candidates().stream()
                .filter(s -> DEFINITION.matcher(TipComposer.withoutQuotes(s.text())).find()).toList();
        return closest(pool.isEmpty() ? candidates() : pool);
    }

    /**
     * The stance closest to the question (can, cannot, must), else the closest instruction; a sentence that opens
     * with its yes or no ("不能加,……", "可以,但只限于……") is preferred when it is about as close, since a
     * 能不能 question wants the answer first.
     */
    Optional<SectionReading.Sentence> stance() {
        List<SectionReading.Sentence> pool = candidates().stream()
                .filter(s -> STANCE.matcher(TipComposer.withoutQuotes(s.text())).find()).toList();
        if (pool.isEmpty()) {
            return instruction();
        }
        Optional<SectionReading.Sentence> closest = closest(pool);
        double bar = relevance(closest.get().index()) - LEADING_STANCE_MARGIN;
        return closest(pool.stream().filter(s -> LEADING_STANCE.matcher(s.text().strip()).lookingAt())
                .filter(s -> relevance(s.index()) >= bar).toList()).or(() -> closest);
    }

    /** The sentence right after {@code s} in its paragraph, when it can stand as part of an instruction. */
    Optional<SectionReading.Sentence> next(SectionReading.Sentence s) {
        List<SectionReading.Sentence> all = candidates();
        int at = all.indexOf(s);
        if (at < 0 || at + 1 >= all.size() || all.get(at + 1).paragraph() != s.paragraph()) {
            return Optional.empty();
        }
        return Optional.of(all.get(at + 1));
    }

    /** Whether an instruction is too short to say how on its own. */
    static boolean shortInstruction(SectionReading.Sentence s) {
        return TipComposer.leadIn(s.text()).length() < SHORT_INSTRUCTION_CHARS;
    }

    /**
     * The closest training-material sentence other than {@code instruction}, to stand before an instruction the
     * editors wrote as its grounding; empty when the instruction is the material's own or the material's closest
     * sentence is clearly further from the question.
     */
    Optional<SectionReading.Sentence> grounding(SectionReading.Sentence instruction) {
        if (!instruction.editorial()) {
            return Optional.empty();
        }
        // Only a material sentence about as close to the question as the instruction earns the room it takes.
        return closest(candidates().stream().filter(s -> !s.editorial() && s != instruction).toList())
                .filter(s -> relevance(s.index()) >= relevance(instruction.index()) - TIE);
    }

    /** The lines to say, closest to the question first; the material's own before the editors' on a tie. */
    List<SectionReading.Line> lines() {
        List<SectionReading.Line> out = new ArrayList<>(reading.lines());
        out.sort(Comparator.comparingDouble((SectionReading.Line l) -> -rounded(relevance(l.sentence())))
                .thenComparing(l -> l.editorial() ? 1 : 0));
        return out;
    }

    /** The lists of the section, the one closest to the question first. */
    List<SectionReading.ListUnit> lists() {
        List<SectionReading.ListUnit> out = new ArrayList<>(reading.lists());
        out.sort(Comparator.comparingDouble((SectionReading.ListUnit u) -> -rounded(relevance(u))));
        return out;
    }

    /** How close a list is to the question: its closest sentence, lead-in or item. */
    double relevance(SectionReading.ListUnit unit) {
        return unit.sentences().stream().mapToDouble(this::relevance).max().orElse(-1);
    }

    /** The sentence closest to the question, whatever it says. */
    Optional<SectionReading.Sentence> closestAny() {
        return closest(candidates());
    }

    /** The sentence among {@code pool} closest to the question; ties go to the material's own, then the earlier. */
    private Optional<SectionReading.Sentence> closest(List<SectionReading.Sentence> pool) {
        double most = pool.stream().mapToDouble(s -> relevance(s.index())).max().orElse(0);
        Optional<SectionReading.Sentence> seed = pool.stream().filter(s -> !s.editorial())
                .filter(s -> relevance(s.index()) >= most - TIE).findFirst();
        return seed.isPresent() ? seed : pool.stream().filter(s -> relevance(s.index()) >= most - TIE).findFirst();
    }

    /** Relevance in steps of {@link #TIE}, so near-equal sentences keep their reading order. */
    private static double rounded(double relevance) {
        return Math.floor(relevance / TIE);
    }
}
