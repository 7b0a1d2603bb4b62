package org.coachbot.team;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.coachbot.chat.InlineAnswer;
import org.coachbot.chat.InlineQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Inline mode: {@code @bot 客户不说话} in any chat offers up to five short tips an agent can post to a colleague.
 * Answers are cached, as a query arrives again with each letter typed and from everyone who asks the same; a
 * lookup that would miss Telegram's time limit is answered empty and its result cached for the next keystroke.
 */
public final class InlineTips {
    /** Telegram shows at most a handful on a phone without scrolling. */
    public static final int MAX_RESULTS = 5;
    /**
     * Telegram drops an answer that comes more than about 10 seconds after the query; a result list that takes
     * longer than 3 seconds to appear is too slow to be useful anyway.
     */
    public static final Duration DEADLINE = Duration.ofSeconds(3);
    /** One character matches almost every section; wait for a word. */
    static final int MIN_QUERY_CHARS = 2;
    static final int MAX_QUERY_CHARS = 200;
    private static final Logger log = LoggerFactory.getLogger(InlineTips.class);
    private final ShortTips tips;
    private final Executor executor;
    private final Duration deadline;
    private final Cache<String, List<InlineAnswer>> cache = Caffeine.newBuilder()
            .maximumSize(2_000).expireAfterWrite(Duration.ofMinutes(10)).build();

    /** @param executor runs the lookups, so one slow lookup can be abandoned at the deadline */
    public InlineTips(ShortTips tips, Executor executor, Duration deadline) {
        this.tips = tips;
        this.executor = executor;
        this.deadline = deadline;
    }

    /** The results for a query; empty for a query too short, off-topic, or not answered in time. */
    public List<InlineAnswer> answer(InlineQuery query) {
        String q = query.query().strip();
        if (q.codePointCount(0, q.length()) < MIN_QUERY_CHARS || q.length() > MAX_QUERY_CHARS) {
            return List.of();
        }
        List<InlineAnswer> cached = cache.getIfPresent(q);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<List<InlineAnswer>> lookup = CompletableFuture.supplyAsync(() -> lookUp(q), executor);
        try {
            return lookup.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.info("inline query \"{}\" took longer than {} ms; answered empty, cached for the next try", q,
                    deadline.toMillis());
            return List.of();
        } catch (ExecutionException e) {
            log.warn("inline query \"{}\" failed", q, e.getCause());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private List<InlineAnswer> lookUp(String q) {
        List<InlineAnswer> answers = tips.find(q, MAX_RESULTS).stream().limit(MAX_RESULTS)
                .map(t -> new InlineAnswer(t.key(), t.title(), t.firstLine(), t.html())).toList();
        cache.put(q, answers);
        return answers;
    }
}
