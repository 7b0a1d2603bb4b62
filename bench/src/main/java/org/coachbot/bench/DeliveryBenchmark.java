package org.coachbot.bench;

import org.coachbot.chat.ChatCore;
import org.coachbot.chat.CommandMenu;
import org.coachbot.chat.Reply;
import org.coachbot.telegram.FakeBotApiServer;
import org.coachbot.telegram.TelegramFrontEnd;
import org.coachbot.telegram.TelegramSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Delivery under Telegram's flood control: many users ask at once, the bot (with its default rates and threads)
 * answers through the fake Bot API, which refuses with 429 whatever goes over 30 messages a second for the bot or
 * about one a second per chat. Measures how close the answers come to the 30 a second floor and how many sends
 * draw a 429; every answer must arrive exactly once and in order per chat.
 */
public final class DeliveryBenchmark {
    static final int USERS = 200;
    static final int QUESTIONS = 3;
    static final int WARM_UP = 20;
    private static final long WARM_UP_USERS = 1_000_000;
    /** Targets: at most 1.2 times the time 30 messages a second would take, and at most 2% of sends refused. */
    static final double MAX_FLOOR_RATIO = 1.2;
    static final double MAX_REFUSED_SHARE = 0.02;
    /** A tip as long as the bot's usual ones, with the markup they carry. */
    private static final String TIP = "<b>要点</b>\n1. 先用开放式问题引导客户开口,例如“您最关心的是哪一点?”\n"
            + "2. 复述客户的话,确认理解是否准确。\n3. 给出具体的下一步和时间。\n<i>来源:沉默型客户的应对</i>";

    private DeliveryBenchmark() {
    }

    /** Prints the figures; returns 0 when both targets are met and nothing was lost or repeated, else 1. */
    public static int run(PrintStream out, Path dataDir) throws IOException, InterruptedException {
        out.println("== delivery under flood control: " + USERS + " users x " + QUESTIONS + " questions ==");
        Path data = Files.createTempDirectory(Files.createDirectories(dataDir), "delivery-bench");
        ChatCore core = (in, reply) -> reply.send(Reply.html(in.text() + "\n" + TIP));
        try (FakeBotApiServer api = new FakeBotApiServer()) {
            api.floodControl();
            // Telegram's published limits and the bot's default threads, as config/application.yaml sets them.
            TelegramSettings settings = TelegramSettings.builder(FakeBotApiServer.TOKEN, api.baseUrl()).build();
            TelegramFrontEnd bot = new TelegramFrontEnd(settings, core, data, CommandMenu.NONE);
            bot.start();
            try {
                return measure(out, api);
            } finally {
                bot.stop();
            }
        }
    }

    private static int measure(PrintStream out, FakeBotApiServer api) throws InterruptedException {
        // A bot in service is warm: a few answers first, so the figures are not those of the first second of a JVM.
        for (long user = WARM_UP_USERS; user < WARM_UP_USERS + WARM_UP; user++) {
            api.text(user, user, "问题 0");
        }
        api.await(() -> api.delivered().size() >= WARM_UP, "the warm-up answers", Duration.ofMinutes(1));
        int sendsBefore = api.calls("sendMessage").size();
        long refusedBefore = api.floodRefusals();
        int total = USERS * QUESTIONS;
        long start = System.currentTimeMillis();
        for (long user = 1; user <= USERS; user++) {
            for (int q = 1; q <= QUESTIONS; q++) {
                api.text(user, user, "问题 " + q);
            }
        }
        api.await(() -> api.delivered().size() >= WARM_UP + total, "every answer", Duration.ofMinutes(5));
        var delivered = api.delivered().subList(WARM_UP, api.delivered().size());
        double seconds = (delivered.get(delivered.size() - 1).atMillis() - start) / 1000.0;
        double first = (delivered.get(0).atMillis() - start) / 1000.0;
        double floor = total / 30.0;
        int sends = api.calls("sendMessage").size() - sendsBefore;
        long refused = api.floodRefusals() - refusedBefore;
        long wrong = 0;
        for (long user = 1; user <= USERS; user++) {
            List<String> answers = api.deliveredTo(user).stream().map(t -> t.substring(0, t.indexOf('\n'))).toList();
            if (!answers.equals(List.of("问题 1", "问题 2", "问题 3"))) {
                wrong++;
            }
        }
        double ratio = seconds / floor;
        double share = (double) refused / sends;
        out.printf(Locale.ROOT, "answers %d in %.1f s (floor at 30/s: %.1f s) -> %.2f x the floor (target <= %.1f)%n",
                delivered.size(), seconds, floor, ratio, MAX_FLOOR_RATIO);
        out.printf(Locale.ROOT, "first answer after %.2f s, then %.1f answers a second%n", first,
                (delivered.size() - 1) / (seconds - first));
        out.printf(Locale.ROOT, "sends %d, refused with 429: %d -> %.1f%% (target <= %.0f%%)%n", sends, refused,
                100 * share, 100 * MAX_REFUSED_SHARE);
        out.printf(Locale.ROOT, "users whose answers were lost, repeated or out of order: %d%n", wrong);
        return ratio <= MAX_FLOOR_RATIO && share <= MAX_REFUSED_SHARE && wrong == 0 ? 0 : 1;
    }
}
