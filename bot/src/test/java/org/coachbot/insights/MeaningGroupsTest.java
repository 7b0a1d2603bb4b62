package org.coachbot.insights;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static int[] ones(int n) {
        int[] w = new int[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    @Test
    void should_put_texts_closer_than_the_threshold_together_and_the_biggest_group_first() {
        // given: two near x, three near y, one on its own
        List<float[]> vectors = List.of(unit(1, 0.1, 0), unit(0, 1, 0.1), unit(1, 0, 0.1), unit(0.1, 1, 0),
                unit(0, 0, 1), unit(0, 1, 0));

        // when
        List<List<Integer>> groups = new MeaningGroups(0.9).group(vectors, ones(6));

        // then
        assertEquals(List.of(List.of(1, 3, 5), List.of(0, 2), List.of(4)), groups);
    }

    @Test
    void should_rank_groups_and_their_wordings_by_how_often_they_were_asked() {
        // given: one wording asked five times outweighs two wordings asked once each
        List<float[]> vectors = List.of(unit(1, 0), unit(1, 0.05), unit(0, 1), unit(0.05, 1));

        // when
        List<List<Integer>> groups = new MeaningGroups(0.9).group(vectors, new int[]{1, 1, 1, 5});

        // then
        assertEquals(List.of(List.of(3, 2), List.of(0, 1)), groups);
    }

    @Test
    void should_not_merge_groups_whose_members_are_close_only_at_their_edges() {
        // given: a chain x - between - y where the ends are far apart; the mean over all pairs stays low
        List<float[]> vectors = List.of(unit(1, 0), unit(0.92, 0.39), unit(0.71, 0.71), unit(0.39, 0.92),
                unit(0, 1));

        // when
        List<List<Integer>> groups = new MeaningGroups(0.9).group(vectors, ones(5));

        // then: neighbours are within 0.92, but no group spans the whole chain
        assertTrue(groups.size() >= 2, "groups: " + groups);
    }

    @Test
    void should_find_the_same_groups_whatever_order_the_questions_came_in() {
        // given: three noisy clusters
        Random random = new Random(7);
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double[] v = new double[6];
            v[i % 3] = 1;
            for (int d = 0; d < v.length; d++) {
                v[d] += random.nextGaussian() * 0.1;
            }
            vectors.add(unit(v));
        }
        Set<Set<Integer>> expected = asSets(new MeaningGroups(0.7).group(vectors, ones(30)), null);

        // when
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(11));
        List<float[]> shuffled = order.stream().map(vectors::get).toList();
        Set<Set<Integer>> got = asSets(new MeaningGroups(0.7).group(shuffled, ones(30)), order);

        // then
        assertEquals(3, expected.size());
        assertEquals(expected, got);
    }

    @Test
    void should_let_rare_wordings_beyond_the_linked_ones_join_the_group_they_are_closest_to() {
        // given: only the four most asked wordings are clustered exactly, into a group near x and one near y
        List<float[]> vectors = List.of(unit(1, 0, 0), unit(1, 0.05, 0), unit(0, 1, 0), unit(0, 1, 0.05),
                unit(0.05, 0, 1), unit(1, 0, 0.05), unit(0, 0, 1));

        // when
        List<List<Integer>> groups = new MeaningGroups(0.9, 4).group(vectors, new int[]{5, 4, 3, 3, 2, 1, 1});

        // then: 5 joins x; 4 and 6 match no group of several wordings and stay on their own
        assertEquals(List.of(List.of(0, 1, 5), List.of(2, 3), List.of(4), List.of(6)), groups);
    }

    @Test
    void should_refuse_a_bad_threshold_or_limit_and_mismatched_weights() {
        assertThrows(IllegalArgumentException.class, () -> new MeaningGroups(1.2));
        assertThrows(IllegalArgumentException.class, () -> new MeaningGroups(0.5, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new MeaningGroups().group(List.of(unit(1, 0)), new int[]{1, 1}));
    }

    @Test
    void should_return_no_group_for_no_text() {
        assertEquals(List.of(), new MeaningGroups().group(List.of(), new int[0]));
    }

    /** Groups as sets of original indices; {@code order} maps shuffled positions back. */
    private static Set<Set<Integer>> asSets(List<List<Integer>> groups, List<Integer> order) {
        return groups.stream().map(g -> g.stream().map(i -> order == null ? i : order.get(i))
                .collect(Collectors.toSet())).collect(Collectors.toSet());
    }
}
