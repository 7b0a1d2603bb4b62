package org.coachbot.retrieval;

import org.coachbot.knowledge.Section;
import org.coachbot.knowledge.SectionSentences;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The embedding of every sentence of every section (or of any other short texts per section, such as the
 * questions agents ask), so a question can be compared with each: the sentence that answers it is often not the
 * section's first, and a long section is found through the one sentence that matches.
 */
public final class SentenceVectors {
    /** No sentence is embedded. */
    public static final SentenceVectors NONE = new SentenceVectors(Map.of());

    private final Map<String, float[][]> bySection;

    private SentenceVectors(Map<String, float[][]> bySection) {
        this.bySection = bySection;
    }

    /** The text embedded for one sentence: normalised like the questions. */
    public static String text(String sentence, QueryNormalizer normalizer) {
        String normalized = normalizer.normalize(sentence);
        return normalized.isBlank() ? sentence : normalized;
    }

    /**
     * @param sections the sections, each with the vectors of its {@link SectionSentences#of} sentences in order,
     *                 taken from {@code vectors} one after another
     */
    public static SentenceVectors of(List<Section> sections, List<float[]> vectors) {
        return of(sections, vectors, s -> SectionSentences.of(s).size());
    }

    /**
     * @param count how many texts of each section {@code vectors} holds, one section's after another
     */
    public static SentenceVectors of(List<Section> sections, List<float[]> vectors, ToIntFunction<Section> count) {
        Map<String, float[][]> out = new HashMap<>();
        int next = 0;
        for (Section s : sections) {
            int n = count.applyAsInt(s);
            if (next + n > vectors.size()) {
                throw new IllegalArgumentException("got " + vectors.size() + " sentence vectors, fewer than the "
                        + "sentences of the sections");
            }
            float[][] unit = new float[n][];
            for (int i = 0; i < n; i++) {
                unit[i] = DenseRetriever.unit(vectors.get(next + i));
            }
            next += n;
            out.put(s.id(), unit);
        }
        if (next != vectors.size()) {
            throw new IllegalArgumentException("got " + vectors.size() + " sentence vectors for " + next
                    + " sentences");
        }
        return new SentenceVectors(out);
    }

    /** The cosine of each sentence of the section to a unit query vector; empty when the section is unknown. */
    public double[] scores(float[] unitQuery, Section section) {
        float[][] vectors = bySection.get(section.id());
        if (vectors == null) {
            return new double[0];
        }
        double[] out = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            out[i] = DenseRetriever.dot(unitQuery, vectors[i]);
        }
        return out;
    }

    /** The highest sentence cosine of the section, or -1 when it has no embedded sentence. */
    public double best(float[] unitQuery, Section section) {
        double best = -1;
        for (double d : scores(unitQuery, section)) {
            best = Math.max(best, d);
        }
        return best;
    }

    /** Number of sections with sentences. */
    public int size() {
        return bySection.size();
    }
}
