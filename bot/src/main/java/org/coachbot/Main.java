package org.coachbot;

import org.coachbot.config.BotConfig;
import org.coachbot.config.ConfigException;
import org.coachbot.config.ConfigLoader;
import org.coachbot.config.DataConfig;
import org.coachbot.config.LogConfig;
import org.coachbot.store.StoreException;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Entry point: {@code java -jar coach-bot.jar} runs the bot (Telegram with BOT_TOKEN, else the console). */
public final class Main {
    /** Exit code for invalid settings, so scripts can tell a misconfiguration from a crash. */
    public static final int EXIT_CONFIG = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.getenv(), System.in, out, err));
    }

    /** Runs the bot and returns the process exit code. */
    public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        BotConfig config;
        try {
            config = new ConfigLoader(env).load();
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return EXIT_CONFIG;
        }
        Path data = config.get(DataConfig.DIR);
        try {
            Files.createDirectories(data);
        } catch (Exception e) {
            err.println(new ConfigException(config.nameOf(DataConfig.DIR), data.toString(),
                    "a folder the bot can create and write (" + e.getMessage() + ")").getMessage());
            return EXIT_CONFIG;
        }
        Logging.setLevel(config.get(LogConfig.LEVEL));
        if (args.length > 0) {
            err.println("unknown argument \"" + args[0] + "\": the bot takes no arguments "
                    + "(the benchmarks are run with java -jar bench/target/coach-bench.jar)");
            return EXIT_CONFIG;
        }
        try (CoachBot bot = new CoachBot(config)) {
            if (config.telegramMode()) {
                return bot.runTelegram(out);
            }
            return bot.runConsole(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), out);
        } catch (StoreException e) {
            // The message names the file and what to do; a stack trace would only bury it.
            err.println("coach-bot stopped: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("coach-bot stopped: " + e.getMessage());
            LoggerFactory.getLogger(Main.class).error("fatal error", e);
            return 1;
        }
    }

    /** Resolves where console charts are saved. */
    static Path chartDir(BotConfig config) {
        return config.get(DataConfig.DIR).resolve("charts");
    }
}
