package org.coachbot.bench;

import org.coachbot.knowledge.KnowledgeFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads evaluation sets: UTF-8 TSV with a header line, then {@code question<TAB>id1|id2}, where {@code -} marks
 * an off-topic question and {@code ?} a customer-service question the material does not cover; both must be
 * declined. Blank lines and lines starting with {@code #} are skipped.
 */
public final class EvalSet {
    /** Classpath folder of the evaluation sets. */
    public static final String RESOURCE_FOLDER = "eval/";
    /** The sets are named {@code questions-a.tsv}, {@code questions-b.tsv}, … one per curator. */
    private static final String NAME_PATTERN = "questions-%c.tsv";

    private EvalSet() {
    }

    /** Every {@code eval/questions-<letter>.tsv} on the classpath, in letter order; empty if there is none. */
    public static List<EvalQuestion> fromClasspath() {
        List<EvalQuestion> out = new ArrayList<>();
        ClassLoader loader = EvalSet.class.getClassLoader();
        for (char c = 'a'; c <= 'z'; c++) {
            String name = String.format(NAME_PATTERN, c);
            try (InputStream in = loader.getResourceAsStream(RESOURCE_FOLDER + name)) {
                if (in != null) {
                    out.addAll(parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read classpath resource " + RESOURCE_FOLDER + name, e);
            }
        }
        return out;
    }

    /** Every {@code questions-<letter>.tsv} in a folder, in letter order. */
    public static List<EvalQuestion> fromFolder(Path dir) {
        List<EvalQuestion> out = new ArrayList<>();
        for (char c = 'a'; c <= 'z'; c++) {
            Path file = dir.resolve(String.format(NAME_PATTERN, c));
            if (Files.isRegularFile(file)) {
                try {
                    out.addAll(parse(file.getFileName().toString(), Files.readString(file)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read evaluation set " + file, e);
                }
            }
        }
        return out;
    }

    /** Parses one file's text; a malformed line is reported as {@code name:line}. */
    public static List<EvalQuestion> parse(String name, String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n");
        List<EvalQuestion> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) { // line 0 is the header
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length < 2 || columns[0].isBlank()) {
                throw new KnowledgeFormatException(name, i + 1, "expected question<TAB>ids, got: " + line);
            }
            String question = columns[0].strip();
            String ids = columns[1].strip(); // further columns are notes
            Set<String> expected = new LinkedHashSet<>();
            if (!ids.equals("-") && !ids.equals("?")) {
                Arrays.stream(ids.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).forEach(expected::add);
                if (expected.isEmpty()) {
                    throw new KnowledgeFormatException(name, i + 1,
                            "no section id; use - for off-topic, ? for not covered by the material");
                }
            }
            out.add(new EvalQuestion(question, expected, name + ":" + (i + 1), ids.equals("?")));
        }
        return out;
    }
}
