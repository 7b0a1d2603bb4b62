package org.coachbot.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs each chat's tasks one after another, in the order they came, and different chats in parallel on a bounded
 * pool. Whatever a task throws is logged and the chat's next task runs; a chat with nothing queued holds no state.
 * A chat runs one task per turn, so a chat with a long queue does not keep the others waiting.
 */
final class ChatLanes {
    private static final Logger log = LoggerFactory.getLogger(ChatLanes.class);
    private final ExecutorService pool;
    /** Chats with queued or running work; guarded by {@code this}. */
    private final Map<Long, ArrayDeque<Runnable>> lanes = new HashMap<>();
    private int queued;

    ChatLanes(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "chat-handler");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a task behind the chat's earlier ones. */
    void submit(long chatId, Runnable task) {
        boolean idle;
        synchronized (this) {
            ArrayDeque<Runnable> lane = lanes.get(chatId);
            idle = lane == null;
            if (idle) {
                lane = new ArrayDeque<>();
                lanes.put(chatId, lane);
            }
            lane.add(task);
            queued++;
        }
        if (idle) {
            schedule(chatId);
        }
    }

    /** Tasks waiting or running, over all chats. */
    synchronized int queued() {
        return queued;
    }

    /** Chats with queued or running work. */
    synchronized int activeChats() {
        return lanes.size();
    }

    /**
     * Starts no new task, lets running ones finish within {@code grace}, then interrupts them. Tasks that did not
     * start are dropped here; their updates are still unhandled in the inbox.
     */
    void stop(Duration grace) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("replies still running after {} s; they are finished after the restart", grace.toSeconds());
                pool.shutdownNow();
                pool.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }

    private void schedule(long chatId) {
        try {
            pool.execute(() -> runNext(chatId));
        } catch (RejectedExecutionException stopping) {
            log.debug("not running more work in chat {}: stopping", chatId);
        }
    }

    private void runNext(long chatId) {
        Runnable task;
        synchronized (this) {
            task = lanes.get(chatId).peek();
        }
        try {
            task.run();
        } catch (Throwable t) {
            // Tasks answer the user themselves; this is the last line, so one failure never stalls the chat.
            log.error("work in chat {} failed; the chat's next message is handled", chatId, t);
        } finally {
            boolean more;
            synchronized (this) {
                ArrayDeque<Runnable> lane = lanes.get(chatId);
                lane.poll();
                queued--;
                more = !lane.isEmpty();
                if (!more) {
                    lanes.remove(chatId);
                }
            }
            if (more) {
                schedule(chatId);
            }
        }
    }
}
