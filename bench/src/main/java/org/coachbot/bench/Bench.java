package org.coachbot.bench;

import org.coachbot.config.BotConfig;
import org.coachbot.config.ConfigException;
import org.coachbot.config.ConfigLoader;
import org.coachbot.config.DataConfig;
import org.coachbot.config.KnowledgeConfig;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Runs the benchmarks: {@code java -jar bench/target/coach-bench.jar
 * [retrieval|tips|safety|roleplay|insights|delivery|team|dashboard]}
 * (all without an argument), on the knowledge and data folders of the bot's configuration ({@code KNOWLEDGE_DIR},
 * by default {@code knowledge/} of the folder it runs in, and {@code DATA_DIR}).
 * Exit code 0 when every target is met, 1 when one is not, 2 on a usage or configuration error.
 */
public final class Bench {
    private static final Set<String> PARTS = Set.of("retrieval", "tips", "safety", "roleplay", "insights", "delivery",
            "team", "dashboard");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String part = args.length > 0 ? args[0] : "";
        if (!part.isEmpty() && !PARTS.contains(part)) {
            System.err.println("unknown benchmark \"" + part
                    + "\": expected retrieval, tips, safety, roleplay, insights, delivery, team, dashboard or nothing "
                    + "(all)");
            System.exit(2);
        }
        BotConfig config;
        try {
            config = new ConfigLoader(System.getenv()).load();
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path data = config.get(DataConfig.DIR);
        Files.createDirectories(data);
        // The release's knowledge of the checkout the benchmarks run from, unless KNOWLEDGE_DIR names another.
        Path knowledge = config.get(KnowledgeConfig.DIR).orElse(Path.of("knowledge"));
        int retrieval = runs(part, "retrieval") ? RetrievalBenchmark.run(out, knowledge, data) : 0;
        int tips = runs(part, "tips") ? AnswerBenchmark.run(out, knowledge, data) : 0;
        int safety = runs(part, "safety") ? SafetyBenchmark.run(out, knowledge, data) : 0;
        int rolePlay = runs(part, "roleplay") ? RolePlayBenchmark.run(out, knowledge, data) : 0;
        int insights = runs(part, "insights") ? InsightsBenchmark.run(out, data) : 0;
        int delivery = runs(part, "delivery") ? DeliveryBenchmark.run(out, data) : 0;
        int team = runs(part, "team") ? TeamBenchmark.run(out, knowledge, data) : 0;
        int dashboard = runs(part, "dashboard") ? DashboardBenchmark.run(out, knowledge, data) : 0;
        System.exit(Math.max(Math.max(Math.max(retrieval, rolePlay), Math.max(insights, delivery)),
                Math.max(Math.max(team, dashboard), Math.max(tips, safety))));
    }

    private static boolean runs(String part, String name) {
        return part.isEmpty() || part.equals(name);
    }
}
