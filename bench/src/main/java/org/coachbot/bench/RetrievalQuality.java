package org.coachbot.bench;

import org.coachbot.retrieval.Hit;
import org.coachbot.retrieval.Retriever;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a retriever answers an evaluation set. Recall@k counts an on-topic question as found when any expected
 * section is among the first k hits (a rejected on-topic question is a miss); MRR uses the rank of the first
 * expected section among {@link #DEFAULT_DEPTH} hits; off-topic questions count only towards the rejection rate.
 *
 * @param onTopic            number of on-topic questions
 * @param offTopic           number of off-topic questions
 * @param recallAt1          share of on-topic questions answered by the first hit
 * @param recallAt3          share of on-topic questions answered within the first three hits
 * @param mrr                mean reciprocal rank of the first correct hit
 * @param offTopicRejection  share of off-topic questions that got an empty result
 * @param onTopicRejected    on-topic questions that got an empty result
 * @param misses             the questions not answered within three hits, and the off-topic ones answered
 */
public record RetrievalQuality(int onTopic, int offTopic, double recallAt1, double recallAt3, double mrr,
                               double offTopicRejection, int onTopicRejected, List<Miss> misses) {
    /** MRR looks this deep; the bot never shows more than a handful of sections. */
    public static final int DEFAULT_DEPTH = 10;

    public RetrievalQuality {
        misses = List.copyOf(misses);
    }

    /** A question answered wrongly: what was asked, what was expected, what came back. */
    public record Miss(EvalQuestion question, List<String> got) {
        public Miss {
            got = List.copyOf(got);
        }
    }

    /** Runs every question through the retriever. */
    public static RetrievalQuality measure(Retriever retriever, List<EvalQuestion> questions) {
        int onTopic = 0;
        int offTopic = 0;
        int at1 = 0;
        int at3 = 0;
        int rejectedOff = 0;
        int rejectedOn = 0;
        double reciprocal = 0;
        List<Miss> misses = new ArrayList<>();
        for (EvalQuestion q : questions) {
            List<Hit> hits = retriever.search(q.question(), DEFAULT_DEPTH);
            List<String> ids = hits.stream().map(h -> h.section().id()).toList();
            if (q.offTopic()) {
                offTopic++;
                if (ids.isEmpty()) {
                    rejectedOff++;
                } else {
                    misses.add(new Miss(q, ids.subList(0, Math.min(3, ids.size()))));
                }
                continue;
            }
            onTopic++;
            if (ids.isEmpty()) {
                rejectedOn++;
            }
            int rank = firstExpected(ids, q);
            if (rank == 1) {
                at1++;
            }
            if (rank >= 1 && rank <= 3) {
                at3++;
            } else {
                misses.add(new Miss(q, ids.subList(0, Math.min(3, ids.size()))));
            }
            reciprocal += rank > 0 ? 1.0 / rank : 0;
        }
        return new RetrievalQuality(onTopic, offTopic, share(at1, onTopic), share(at3, onTopic),
                share(reciprocal, onTopic), share(rejectedOff, offTopic), rejectedOn, misses);
    }

    private static int firstExpected(List<String> ids, EvalQuestion q) {
        for (int i = 0; i < ids.size(); i++) {
            if (q.expectedIds().contains(ids.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static double share(double count, int total) {
        return total == 0 ? 0 : count / total;
    }
}
