package org.coachbot.bench;

import org.coachbot.knowledge.KnowledgeFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled gap questions: UTF-8 TSV with a header, then {@code group<TAB>question}; questions of one group are the
 * ones a single new section would answer. Set a tuned the grouping threshold, set b (other needs) checks it.
 */
public final class GapGroups {
    public static final List<String> SETS = List.of("eval/gap-groups-a.tsv", "eval/gap-groups-b.tsv");

    /** One labelled question. */
    public record Labelled(String group, String question) {
    }

    private GapGroups() {
    }

    /** One set from the classpath, e.g. {@code eval/gap-groups-a.tsv}. */
    public static List<Labelled> fromClasspath(String resource) {
        try (InputStream in = GapGroups.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + resource);
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + resource, e);
        }
    }

    static List<Labelled> parse(String name, String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n");
        List<Labelled> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length < 2 || columns[0].isBlank() || columns[1].isBlank()) {
                throw new KnowledgeFormatException(name, i + 1, "expected group<TAB>question, got: " + line);
            }
            out.add(new Labelled(columns[0].strip(), columns[1].strip()));
        }
        return out;
    }
}
