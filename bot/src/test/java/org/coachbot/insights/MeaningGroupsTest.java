package org.coachbot.insights;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MeaningGroupsTest {
    private static float[] unit(double... v) {
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(n));
        }
        return out;
    }

    @Test
    void should_put_texts_closer_than_the_threshold_together_and_the_biggest_group_first() {
        // given: two near x, three near y, one on its own
        List<float[]> vectors = List.of(unit(1, 0.1, 0), unit(0, 1, 0.1), unit(1, 0, 0.1), unit(0.1, 1, 0),
                unit(0, 0, 1), unit(0, 1, 0));

        // when
        List<List<Integer>> groups = new MeaningGroups(0.9).group(vectors, new int[]{1, 1, 1, 1, 1, 1});

        // then
        assertEquals(List.of(List.of(1, 3, 5), List.of(0, 2), List.of(4)), groups);
    }

    @Test
    void should_weigh_texts_by_how_often_they_were_asked() {
        // given: one wording asked five times outweighs two wordings asked once each
        List<float[]> vectors = List.of(unit(1, 0), unit(1, 0.05), unit(0, 1));

        // when
        List<List<Integer>> groups = new MeaningGroups(0.9).group(vectors, new int[]{1, 1, 5});

        // then
        assertEquals(List.of(List.of(2), List.of(0, 1)), groups);
    }

    @Test
    void should_seed_a_group_with_its_most_frequent_wording() {
        List<List<Integer>> groups = new MeaningGroups(0.9).group(List.of(unit(1, 0.1), unit(1, 0)),
                new int[]{1, 3});

        assertEquals(List.of(List.of(1, 0)), groups);
    }

    @Test
    void should_join_the_closest_group_when_two_are_close_enough() {
        // given: z lies between x and y, a bit nearer y
        List<float[]> vectors = List.of(unit(1, 0), unit(0, 1), unit(0.6, 0.8));

        List<List<Integer>> groups = new MeaningGroups(0.5).group(vectors, new int[]{2, 2, 1});

        assertEquals(List.of(List.of(1, 2), List.of(0)), groups);
    }

    @Test
    void should_refuse_a_threshold_outside_zero_to_one_and_mismatched_weights() {
        assertThrows(IllegalArgumentException.class, () -> new MeaningGroups(0));
        assertThrows(IllegalArgumentException.class, () -> new MeaningGroups(1.2));
        assertThrows(IllegalArgumentException.class,
                () -> new MeaningGroups().group(List.of(unit(1, 0)), new int[]{1, 1}));
    }
}
