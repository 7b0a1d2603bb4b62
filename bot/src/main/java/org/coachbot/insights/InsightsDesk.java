package org.coachbot.insights;

import dev.langchain4j.model.embedding.EmbeddingModel;
import org.coachbot.chat.Html;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.AWTError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What admins learn from agents' questions: {@code /gaps} and {@code /stats}, which the router opens to admins
 * only; and the 👍 / 👎 buttons under tips, which anybody may press.
 */
public final class InsightsDesk {
    /** Default period of {@code /gaps}: a month gathers enough repeats of one need to stand out. */
    public static final int DEFAULT_GAP_DAYS = 30;
    /** Default period of {@code /stats}: one week. */
    public static final int DEFAULT_STATS_DAYS = 7;
    /** Below this many texts to embed, {@code /gaps} answers within a second or two and needs no progress line. */
    static final int PROGRESS_FROM = 200;
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(InsightsDesk.class);

    private final SqliteQuestionLog questions;
    private final Clock clock;
    private final ZoneId zone;
    private final Texts texts = Texts.of("insights");
    private final GapReport gaps;
    private final UsageReport usage = new UsageReport(texts);
    private final Function<Usage, byte[]> chart;

    /**
     * @param model the embedding model the bot already has loaded for retrieval
     * @param zone  the team's time zone: days of {@code /stats} and dates typed by admins are read in it
     */
    public InsightsDesk(SqliteQuestionLog questions, EmbeddingModel model, MeaningGroups grouping, Clock clock,
                        ZoneId zone) {
        this(questions, model, grouping, clock, zone, null);
    }

    /** With another chart renderer, e.g. one that fails as a machine without fonts does. */
    InsightsDesk(SqliteQuestionLog questions, EmbeddingModel model, MeaningGroups grouping, Clock clock, ZoneId zone,
                 Function<Usage, byte[]> chart) {
        this.chart = chart != null ? chart : u -> UsageChart.render(u, texts);
        this.questions = Objects.requireNonNull(questions, "questions must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.zone = Objects.requireNonNull(zone, "zone must not be null");
        this.gaps = new GapReport(questions, new QuestionVectors(model, questions, new QuestionText()), grouping, texts);
    }

    /** {@code /gaps [days | first day [last day]]}. */
    public void gaps(Incoming in, String argument, Responder out) {
        Optional<DateRange> range = range(argument, DEFAULT_GAP_DAYS, "gaps", out);
        if (range.isEmpty()) {
            return;
        }
        String report = gaps.render(range.get(), progress(out));
        out.send(Reply.html(report));
    }

    /**
     * A status line while many questions are embedded, edited at most every {@link #PROGRESS_EVERY}: Telegram
     * allows about one edit per second in a chat, and the reply should not queue behind progress edits.
     */
    private QuestionVectors.Progress progress(Responder out) {
        Responder.Status[] status = new Responder.Status[1];
        Instant[] shown = new Instant[1];
        return (done, total) -> {
            if (total < PROGRESS_FROM) {
                return;
            }
            String line = texts.get("gaps.progress", done, total);
            Instant now = clock.instant();
            if (status[0] == null) {
                status[0] = out.status(line);
                shown[0] = now;
            } else if (done == total || !now.isBefore(shown[0].plus(PROGRESS_EVERY))) {
                status[0].update(line);
                shown[0] = now;
            }
        };
    }

    /** {@code /stats [days | first day [last day]]}: the text, then the chart of questions per day. */
    public void stats(Incoming in, String argument, Responder out) {
        Optional<DateRange> range = range(argument, DEFAULT_STATS_DAYS, "stats", out);
        if (range.isEmpty()) {
            return;
        }
        Usage u = questions.usage(range.get(), UsageReport.TOP_SECTIONS);
        out.send(Reply.html(usage.render(u)));
        if (u.questions() > 0) {
            sendChart(u, out);
        }
    }

    /** A 👍 or 👎 under a tip: stored, one per user per answer, the latest tap winning. */
    public void onButton(Incoming in, Responder out) {
        Optional<FeedbackButtons.Verdict> verdict = FeedbackButtons.parse(in.text());
        if (verdict.isEmpty()) {
            log.warn("feedback button with unreadable data from user {}: {}", in.user().id(), in.text());
            out.send(Reply.html(texts.get("feedback.malformed")));
            return;
        }
        long id = verdict.get().questionId();
        if (id == QuestionLog.NOT_RECORDED || questions.find(id).isEmpty()) {
            out.send(Reply.html(texts.get("feedback.stale")));
            return;
        }
        questions.feedback(id, in.user().id(), verdict.get().helpful(), clock.instant());
        out.send(Reply.html(texts.get(verdict.get().helpful() ? "feedback.helpful" : "feedback.unhelpful")));
    }

    private Optional<DateRange> range(String argument, int defaultDays, String command, Responder out) {
        try {
            return Optional.of(DateRange.parse(argument, LocalDate.now(clock.withZone(zone)), zone, defaultDays));
        } catch (DateRange.InvalidRange e) {
            Object[] args = e.args();
            for (int i = 0; i < args.length; i++) {
                args[i] = Html.escape(String.valueOf(args[i]));
            }
            out.send(Reply.html(texts.get(e.key(), args) + "\n" + texts.get(command + ".usage")));
            return Optional.empty();
        }
    }

    /**
     * The text already carries every number; a machine without fonts or AWT libraries fails to render, and then
     * the admin still has it, so the failure is logged rather than passed on.
     */
    private void sendChart(Usage u, Responder out) {
        byte[] png;
        try {
            png = chart.apply(u);
        } catch (RuntimeException | LinkageError | AWTError e) {
            log.warn("questions-per-day chart failed; the text reply stands alone", e);
            return;
        }
        out.send(Reply.image(png, texts.get("chart.caption")));
    }

}
