package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.scenario.MoveKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classifier on vectors built so each move has its own direction, with noise that varies the topic. */
class MoveClassifierTest {
    private static final int DIMS = 64;
    private final Random random = new Random(42);

    @Test
    void should_learn_each_moves_direction_and_score_an_unseen_vector_of_it_high() {
        // given: apology examples lean on axis 0, blame on axis 1, neutral lines on axis 2
        MoveClassifier c = MoveClassifier.train(Map.of(MoveKind.APOLOGY, near(0, 30), MoveKind.BLAME_OTHER,
                near(1, 30)), near(2, 30), MoveClassifier.DEFAULT_EPOCHS);

        // when
        double[] apology = c.probabilities(near(0, 1).get(0));
        double[] neutral = c.probabilities(near(2, 1).get(0));

        // then
        assertTrue(apology[MoveKind.APOLOGY.ordinal()] > 0.9, "apology " + apology[MoveKind.APOLOGY.ordinal()]);
        assertTrue(apology[MoveKind.BLAME_OTHER.ordinal()] < 0.1);
        assertTrue(neutral[MoveKind.APOLOGY.ordinal()] < 0.1 && neutral[MoveKind.BLAME_OTHER.ordinal()] < 0.1);
    }

    @Test
    void should_score_zero_for_a_move_without_examples() {
        MoveClassifier c = MoveClassifier.train(Map.of(MoveKind.APOLOGY, near(0, 10)), near(2, 10), 20);

        assertEquals(0, c.probabilities(near(0, 1).get(0))[MoveKind.INSULT.ordinal()]);
    }

    @Test
    void should_train_the_same_classifier_from_the_same_examples() {
        List<float[]> apology = near(0, 20);
        List<float[]> neutral = near(2, 20);
        float[] probe = near(0, 1).get(0);

        double[] first = MoveClassifier.train(Map.of(MoveKind.APOLOGY, apology), neutral, 50).probabilities(probe);
        double[] second = MoveClassifier.train(Map.of(MoveKind.APOLOGY, apology), neutral, 50).probabilities(probe);

        assertArrayEquals(first, second);
    }

    @Test
    void should_refuse_vectors_of_different_lengths_and_an_empty_training_set() {
        assertThrows(IllegalArgumentException.class, () -> MoveClassifier.train(Map.of(), List.of(), 10));
        assertThrows(IllegalArgumentException.class, () -> MoveClassifier.train(
                Map.of(MoveKind.APOLOGY, List.of(new float[DIMS])), List.of(new float[DIMS + 1]), 10));
    }

    /** Unit vectors mostly along {@code axis}, with random noise elsewhere. */
    private List<float[]> near(int axis, int count) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] v = new float[DIMS];
            for (int d = 0; d < DIMS; d++) {
                v[d] = (float) (random.nextGaussian() * 0.15);
            }
            v[axis] += 1;
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            for (int d = 0; d < DIMS; d++) {
                v[d] /= (float) Math.sqrt(norm);
            }
            out.add(v);
        }
        return out;
    }
}
