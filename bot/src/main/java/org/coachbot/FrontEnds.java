package org.coachbot;

import org.coachbot.chat.Feature;
import org.coachbot.config.BotConfig;
import org.coachbot.config.DataConfig;
import org.coachbot.config.TelegramConfig;
import org.coachbot.console.ConsoleFrontEnd;
import org.coachbot.dashboard.Dashboard;
import org.coachbot.telegram.TelegramFrontEnd;
import org.coachbot.telegram.TelegramSettings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Runs the assembled bot behind one front end, the console or Telegram, with the team dashboard where it is
 * configured: builds the front end around the router, connects it to the bot's port, then starts the features.
 */
final class FrontEnds {
    private final CoachBot bot;
    private final BotConfig config;
    private final Clock clock;

    FrontEnds(CoachBot bot, BotConfig config, Clock clock) {
        this.bot = bot;
        this.config = config;
        this.clock = clock;
    }

    /** Chats on stdin and stdout until the input ends. */
    int console(BufferedReader in, PrintStream out) throws IOException {
        // On localhost only, so the dashboard can be tried on a laptop without Telegram.
        Dashboard dashboard = Dashboard.forConsole(config.dashboard(), ConsoleFrontEnd.CONSOLE_ID, "console",
                bot.staff(), clock);
        bot.useDashboard(dashboard);
        ConsoleFrontEnd console = new ConsoleFrontEnd(bot.router(), in, out, Main.chartDir(config));
        bot.port().connect(console.messenger(), console.notifier(), ConsoleFrontEnd.fileFetcher());
        dashboard.serve(bot.teamBoard());
        bot.start();
        out.println(bot.startLine("console"));
        out.println(dashboard.consoleLine());
        bot.announceRecovery(console.notifier());
        console.run();
        return 0;
    }

    /**
     * Serves Telegram until SIGTERM or SIGINT (then finishes in-flight replies and returns 0) or until the bot
     * cannot go on, e.g. another instance polls the same token (returns 1).
     */
    int telegram(PrintStream out) throws InterruptedException {
        TelegramSettings settings = TelegramConfig.settings(config);
        Dashboard dashboard = config.dashboard().url().isPresent() ? telegramDashboard() : null;
        if (dashboard != null) {
            bot.useDashboard(dashboard);
        }
        TelegramFrontEnd telegram = new TelegramFrontEnd(settings, bot.router(), config.get(DataConfig.DIR),
                bot.router().menu());
        bot.port().connect(telegram.messenger(), telegram.notifier(), telegram.fileFetcher());
        if (dashboard != null) {
            // Telegram refuses a menu button for a chat the user never opened: those get it when they first write.
            Set<Long> menuOffered = ConcurrentHashMap.newKeySet();
            bot.router().add(Feature.named("dashboard").listener(in -> {
                if (in.user().supervisor() && !in.inGroup() && menuOffered.add(in.user().id())) {
                    telegram.offerWebApp(List.of(in.user().id()), dashboard.menuLabel(), dashboard.link());
                }
            }).build());
            // Started before the shutdown hook exists, so a rejected token ends the process with a failure code.
            telegram.start();
            dashboard.serve(bot.teamBoard());
            menuOffered.addAll(telegram.offerWebApp(bot.staff(), dashboard.menuLabel(), dashboard.link()));
        } else {
            telegram.start();
        }
        bot.start();
        return untilStopped(telegram, settings, out);
    }

    private Dashboard telegramDashboard() {
        try {
            return Dashboard.forTelegram(config.dashboard(), config.get(TelegramConfig.BOT_TOKEN), bot.staff(), clock);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for the team dashboard on port "
                    + config.dashboard().port() + ": " + e.getMessage() + "; set WEBAPP_PORT to a free port", e);
        }
    }

    private int untilStopped(TelegramFrontEnd telegram, TelegramSettings settings, PrintStream out)
            throws InterruptedException {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread hook = new Thread(() -> {
            telegram.stop();
            bot.close();
            exit.complete(0);
            // SIGTERM would otherwise end the JVM with 143; a clean, flushed stop is a success.
            Runtime.getRuntime().halt(0);
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        telegram.fatal().thenAccept(reason -> exit.complete(1));
        out.println(bot.startLine("telegram " + settings.webhook().map(w -> "webhook " + w.url())
                .orElse("polling " + config.get(TelegramConfig.API_URL))));
        bot.announceRecovery(telegram.notifier());
        int code;
        try {
            code = exit.get();
        } catch (ExecutionException e) {
            code = 1;
        }
        if (code != 0) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return code;
            }
            telegram.stop();
        }
        return code;
    }
}
