package org.coachbot.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShippedKnowledgeTest {
    @TempDir
    Path temp;

    @Test
    void should_find_the_knowledge_packaged_with_the_build_when_no_folder_is_named() {
        // when
        try (ShippedKnowledge shipped = ShippedKnowledge.locate(Optional.empty())) {
            // then
            assertEquals(KnowledgeFiles.list(Path.of("../knowledge")), shipped.files());
            assertEquals(Optional.empty(), shipped.problem(temp.resolve("data/knowledge")));
        }
    }

    @Test
    void should_read_the_knowledge_inside_a_jar() throws IOException {
        // given a jar with knowledge/ at its root
        Path jar = temp.resolve("coach-bot.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String name : List.of("knowledge/phone.md", "knowledge/scenarios/late.yaml", "knowledge/README.md",
                    "org/coachbot/Main.class")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(("# " + name + "\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }

        // when
        try (ShippedKnowledge shipped = ShippedKnowledge.packagedIn(jar)) {
            // then
            assertEquals(List.of("phone.md", "scenarios/late.yaml"), shipped.files());
            assertEquals("# knowledge/phone.md\n", Files.readString(shipped.folder().resolve("phone.md")));
            assertTrue(shipped.origin().contains(jar.toString()), shipped.origin());
        }
    }

    @Test
    void should_say_what_to_do_when_the_named_folder_is_missing_or_empty() throws IOException {
        // given
        Path missing = temp.resolve("missing");
        Path empty = Files.createDirectories(temp.resolve("empty"));

        // when
        String gone = ShippedKnowledge.folder(missing).problem(temp.resolve("data/knowledge")).orElseThrow();
        String nothing = ShippedKnowledge.folder(empty).problem(temp.resolve("data/knowledge")).orElseThrow();

        // then
        assertEquals("KNOWLEDGE_DIR " + missing + " does not exist: point KNOWLEDGE_DIR at the knowledge folder of a "
                + "release (knowledge/ in the project), or unset it to use the knowledge inside the jar", gone);
        assertTrue(nothing.startsWith("KNOWLEDGE_DIR " + empty + " holds no knowledge file"), nothing);
    }

    @Test
    void should_refuse_the_folder_in_service_as_the_release() throws IOException {
        // given KNOWLEDGE_DIR naming DATA_DIR/knowledge, where admins change the knowledge
        Path inService = Files.createDirectories(temp.resolve("data/knowledge"));
        Files.writeString(inService.resolve("phone.md"), "# 电话\n\n## 接听\n正文\n");

        // when
        Optional<String> problem = ShippedKnowledge.folder(inService).problem(temp.resolve("data/./knowledge"));

        // then
        assertTrue(problem.orElseThrow().contains("is the knowledge in service itself"), problem.toString());
    }
}
