package org.coachbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.coachbot.knowledge.KnowledgeFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The runnable jar as an operator runs it, in a child JVM on the console: from a folder that is not the project,
 * and in the Dockerfile's layout (its WORKDIR, KNOWLEDGE_DIR, DATA_DIR and ENTRYPOINT) with one image replaced by a
 * newer one over the same data volume. Runs in the integration-test phase, after the package phase built the jar.
 */
class BuiltJarIT {
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    /** Settings a developer's shell may hold; the runs set what they need themselves. */
    private static final List<String> OWN_SETTINGS = List.of("BOT_TOKEN", "CONFIG_FILE", "KNOWLEDGE_DIR", "DATA_DIR",
            "ADMIN_IDS", "SUPERVISOR_IDS", "ALLOWED_USER_IDS", "TELEGRAM_API_URL", "WEBHOOK_URL", "WEBHOOK_PORT",
            "WEBHOOK_SECRET", "LLM_PROVIDER", "LLM_BASE_URL", "LLM_MODEL", "LLM_API_KEY", "LOG_LEVEL");

    @TempDir
    Path temp;
    private Path jar;

    private record Run(int code, String out, String err) {
    }

    @BeforeEach
    void builtJar() {
        String built = System.getProperty("coachbot.jar");
        assumeTrue(built != null, "runs in the integration-test phase, once the package phase has built the jar");
        jar = Path.of(built);
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run mvn -B verify");
    }

    @Test
    void should_answer_a_tip_and_start_a_role_play_from_the_knowledge_in_the_jar_when_run_from_another_folder()
            throws Exception {
        // given a folder with nothing of the project in it
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        List<String> shipped = KnowledgeFiles.list(PROJECT.resolve("knowledge"));

        // when
        Run run = run(List.of(java(), "-Djava.awt.headless=true", "-jar", jar.toString()), elsewhere, Map.of(),
                "客户一直不说话,我该怎么办?\n/roleplay hotel-no-hot-water\n");

        // then the knowledge packed in the jar seeded ./data/knowledge and answers
        assertEquals(0, run.code(), run.err());
        long markdown = shipped.stream().filter(f -> f.endsWith(".md")).count();
        assertTrue(run.out().contains("知识库: " + markdown + " 个文件"), run.out());
        assertTrue(run.out().contains("来源:沉默型客户的应对"), run.out());
        assertTrue(run.out().contains("对练开始:酒店客人洗澡没有热水"), run.out());
        assertEquals(shipped, KnowledgeFiles.list(elsewhere.resolve("data/knowledge")));
        assertFalse(run.err().contains("no knowledge in service"), run.err());
    }

    @Test
    void should_keep_the_admins_changes_when_a_newer_image_replaces_the_container_on_the_same_volume()
            throws Exception {
        // given the Dockerfile's layout, with an image that ships three knowledge files
        Image image = image(PROJECT.resolve("Dockerfile"), temp.resolve("root"));
        assertTrue(image.volume().startsWith("/") && image.dataDir().startsWith(image.volume()),
                "DATA_DIR " + image.dataDir() + " must be in the volume " + image.volume());
        Map<String, String> v1 = new TreeMap<>();
        for (String file : List.of("silent-customer.md", "phone-etiquette.md", "complaint-handling.md")) {
            v1.put(file, Files.readString(PROJECT.resolve("knowledge").resolve(file)));
        }
        image.install(v1);
        Path uploads = Files.createDirectories(temp.resolve("uploads"));
        String rainbow = "# 彩虹套餐\n\n## 彩虹套餐包含什么\n彩虹套餐包含三项服务。\n";
        String phoneByAdmins = v1.get("phone-etiquette.md") + "\n## 管理员补充\n接起电话先报工号。\n";
        Files.writeString(uploads.resolve("rainbow.md"), rainbow);
        Files.writeString(uploads.resolve("phone-etiquette.md"), phoneByAdmins);

        // and admins who upload a file, edit a shipped one and delete another
        Run first = image.run("/upload " + uploads.resolve("rainbow.md") + "\n/upload "
                + uploads.resolve("phone-etiquette.md") + "\n/kb delete complaint-handling.md\n1\n");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("已删除「complaint-handling.md」"), first.out());
        Map<String, String> beforeUpgrade = image.inService();

        // when a newer image replaces the container: one file changed that admins never touched, one they edited,
        // and a new one
        Map<String, String> v2 = new TreeMap<>(v1);
        v2.put("silent-customer.md", v1.get("silent-customer.md") + "\n## 新发布补充\n新版加的一节。\n");
        v2.put("phone-etiquette.md", v1.get("phone-etiquette.md") + "\n## 新发布的电话礼仪\n新版加的一节。\n");
        v2.put("release-topic.md", "# 新发布主题\n\n## 新主题\n新版加的文件。\n");
        image.install(v2);
        Run upgraded = image.run("/kb\n");

        // then every admin change is kept, the rest follows the image, and the conflict waits beside the admins' file
        assertEquals(0, upgraded.code(), upgraded.err());
        Map<String, String> now = image.inService();
        assertEquals(rainbow, now.get("rainbow.md"));
        assertEquals(phoneByAdmins, now.get("phone-etiquette.md"));
        assertFalse(now.containsKey("complaint-handling.md"));
        assertEquals(v2.get("silent-customer.md"), now.get("silent-customer.md"));
        assertEquals(v2.get("release-topic.md"), now.get("release-topic.md"));
        assertEquals(v2.get("phone-etiquette.md"),
                Files.readString(image.host(image.dataDir()).resolve("knowledge/phone-etiquette.md.shipped")));
        assertTrue(upgraded.err().contains("upgrades the knowledge in service from KNOWLEDGE_DIR"), upgraded.err());
        assertTrue(upgraded.out().contains("phone-etiquette.md(新版:phone-etiquette.md.shipped)"), upgraded.out());

        // and /rollback returns to the knowledge before the upgrade
        Run rolledBack = image.run("/rollback\n");
        assertEquals(0, rolledBack.code(), rolledBack.err());
        assertTrue(rolledBack.out().contains("升级:"), rolledBack.out());
        assertEquals(beforeUpgrade, image.inService());
    }

    /**
     * The Dockerfile's runtime stage mapped onto a folder: {@code /app/...} is {@code root/app/...}. Replacing the
     * image replaces everything but the volume.
     */
    private final class Image {
        private final Path root;
        private final Map<String, String> env;
        private final List<String> entrypoint;
        private final String workdir;
        private final String volume;
        private final Map<String, String> copies;

        private Image(Path root, Map<String, String> env, List<String> entrypoint, String workdir, String volume,
                      Map<String, String> copies) {
            this.root = root;
            this.env = env;
            this.entrypoint = entrypoint;
            this.workdir = workdir;
            this.volume = volume;
            this.copies = copies;
        }

        String dataDir() {
            return env.get("DATA_DIR");
        }

        String volume() {
            return volume;
        }

        Path host(String path) {
            return root.resolve(path.substring(1));
        }

        /** A container from a new image: everything replaced but the volume, with {@code knowledge} shipped. */
        void install(Map<String, String> knowledge) throws IOException {
            if (Files.isDirectory(root)) {
                try (Stream<Path> top = Files.list(root)) {
                    for (Path p : top.toList()) {
                        deleteTreeExcept(p, host(volume));
                    }
                }
            }
            Path shipped = host(copies.get("knowledge"));
            assertEquals(copies.get("knowledge"), env.get("KNOWLEDGE_DIR"), "KNOWLEDGE_DIR is the image's knowledge");
            for (var f : knowledge.entrySet()) {
                Files.createDirectories(shipped.resolve(f.getKey()).getParent());
                Files.writeString(shipped.resolve(f.getKey()), f.getValue());
            }
            Path config = host(copies.get("config"));
            Files.createDirectories(config);
            Files.copy(PROJECT.resolve("config/application.yaml"), config.resolve("application.yaml"));
            Files.createDirectories(host(workdir));
            Files.createDirectories(host(volume));
        }

        /** Runs the ENTRYPOINT in the WORKDIR with the image's environment, typing {@code typed} on the console. */
        Run run(String typed) throws Exception {
            List<String> command = new ArrayList<>(entrypoint);
            command.set(0, java());
            command.set(command.indexOf(copies.get("/src/bot/target/coach-bot.jar")), jar.toString());
            Map<String, String> settings = new HashMap<>();
            env.forEach((k, v) -> settings.put(k, v.startsWith("/") ? host(v).toString() : v));
            return BuiltJarIT.this.run(command, host(workdir), settings, typed);
        }

        /** The knowledge files in service, in the volume, with their text. */
        Map<String, String> inService() {
            Path folder = host(dataDir()).resolve("knowledge");
            Map<String, String> files = new TreeMap<>();
            for (String file : KnowledgeFiles.list(folder)) {
                try {
                    files.put(file, Files.readString(folder.resolve(file)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return files;
        }

        private void deleteTreeExcept(Path p, Path keep) throws IOException {
            if (p.equals(keep)) {
                return;
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> children = Files.list(p)) {
                    for (Path c : children.toList()) {
                        deleteTreeExcept(c, keep);
                    }
                }
                if (keep.startsWith(p)) {
                    return;
                }
            }
            Files.delete(p);
        }
    }

    /** Reads the runtime stage of the Dockerfile: its ENV, WORKDIR, COPY targets, VOLUME and ENTRYPOINT. */
    private Image image(Path dockerfile, Path root) throws IOException {
        List<String> lines = Files.readAllLines(dockerfile);
        int runtime = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FROM ")) {
                runtime = i;
            }
        }
        Map<String, String> env = new HashMap<>();
        Map<String, String> copies = new HashMap<>();
        List<String> entrypoint = List.of();
        String workdir = "/";
        String volume = "";
        ObjectMapper json = new ObjectMapper();
        for (String line : lines.subList(runtime, lines.size())) {
            String[] words = line.strip().split("\\s+");
            switch (words[0]) {
                case "ENV" -> Arrays.stream(words).skip(1).map(w -> w.split("=", 2))
                        .forEach(kv -> env.put(kv[0], kv[1]));
                case "WORKDIR" -> workdir = words[1];
                case "COPY" -> copies.put(words[words.length - 2], words[words.length - 1]);
                case "VOLUME" -> volume = json.readTree(line.substring("VOLUME".length())).get(0).asText();
                case "ENTRYPOINT" -> entrypoint = Arrays.asList(json.readValue(
                        line.substring("ENTRYPOINT".length()), String[].class));
                default -> {
                }
            }
        }
        return new Image(root, env, entrypoint, workdir, volume, copies);
    }

    private Run run(List<String> command, Path workdir, Map<String, String> settings, String typed) throws Exception {
        Path input = Files.writeString(Files.createTempFile(temp, "typed", ".txt"), typed);
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile())
                .redirectInput(input.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        OWN_SETTINGS.forEach(builder.environment()::remove);
        builder.environment().putAll(settings);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("the bot did not finish within 10 minutes: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
