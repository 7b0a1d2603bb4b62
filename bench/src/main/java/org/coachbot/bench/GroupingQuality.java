package org.coachbot.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.coachbot.insights.MeaningGroups;
import org.coachbot.insights.QuestionText;

import java.util.ArrayList;
import java.util.List;

/**
 * How well {@link MeaningGroups} recovers labelled groups, counted over pairs of questions: precision is the share
 * of pairs put together that belong together, recall the share of pairs that belong together and were put together.
 * Questions are keyed ({@link QuestionText}) and embedded as {@code /gaps} does it.
 *
 * @param groups how many groups were formed, against {@code labelled} true groups
 */
public record GroupingQuality(double threshold, double precision, double recall, int groups, int labelled) {

    public double f1() {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** Unit embeddings of the questions, in order. */
    public static List<float[]> embed(EmbeddingModel model, List<GapGroups.Labelled> questions) {
        QuestionText text = new QuestionText();
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < questions.size(); i += 32) {
            List<TextSegment> batch = questions.subList(i, Math.min(questions.size(), i + 32)).stream()
                    .map(q -> TextSegment.from(text.key(q.question()))).toList();
            model.embedAll(batch).content().forEach(e -> out.add(unit(e.vector())));
        }
        return out;
    }

    /** Groups the questions at {@code threshold} and compares with their labels. */
    public static GroupingQuality measure(List<GapGroups.Labelled> questions, List<float[]> vectors,
                                          double threshold) {
        int[] weights = new int[questions.size()];
        java.util.Arrays.fill(weights, 1);
        List<List<Integer>> groups = new MeaningGroups(threshold).group(vectors, weights);
        int[] cluster = new int[questions.size()];
        for (int g = 0; g < groups.size(); g++) {
            for (int i : groups.get(g)) {
                cluster[i] = g;
            }
        }
        long together = 0;
        long belong = 0;
        long both = 0;
        for (int i = 0; i < questions.size(); i++) {
            for (int j = i + 1; j < questions.size(); j++) {
                boolean same = questions.get(i).group().equals(questions.get(j).group());
                boolean put = cluster[i] == cluster[j];
                together += put ? 1 : 0;
                belong += same ? 1 : 0;
                both += same && put ? 1 : 0;
            }
        }
        int labelled = (int) questions.stream().map(GapGroups.Labelled::group).distinct().count();
        return new GroupingQuality(threshold, together == 0 ? 1 : (double) both / together,
                belong == 0 ? 1 : (double) both / belong, groups.size(), labelled);
    }

    private static float[] unit(float[] v) {
        double squares = 0;
        for (float x : v) {
            squares += x * x;
        }
        double n = Math.sqrt(squares);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / n);
        }
        return out;
    }
}
