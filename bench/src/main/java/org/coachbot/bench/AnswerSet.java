package org.coachbot.bench;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import org.coachbot.knowledge.KnowledgeFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads answer sets: UTF-8 TSV {@code question<TAB>kind<TAB>type<TAB>gist<TAB>must} with a header line, where kind
 * is {@code covered} or {@code uncovered} and must lists key points separated by {@code ;}, each with alternative
 * phrasings separated by {@code /}. A set whose comment lines say "Held out" was written blind and is reported in
 * aggregate only.
 */
public final class AnswerSet {
    private static final Set<String> TYPES = Set.of("list", "what", "howto", "yesno", "situation");

    /** The questions of one file and whether it is held out. */
    public record File(String name, boolean heldOut, List<AnswerQuestion> questions) {
    }

    private AnswerSet() {
    }

    /** Every {@code eval/answers-<letter>.tsv} on the classpath, in letter order. */
    public static List<File> fromClasspath() {
        List<File> out = new ArrayList<>();
        ClassLoader loader = AnswerSet.class.getClassLoader();
        for (char c = 'a'; c <= 'z'; c++) {
            String name = "answers-" + c + ".tsv";
            try (InputStream in = loader.getResourceAsStream(EvalSet.RESOURCE_FOLDER + name)) {
                if (in != null) {
                    out.add(parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read classpath resource " + name, e);
            }
        }
        return out;
    }

    /** Parses one file; a malformed line is reported as {@code name:line}. */
    public static File parse(String name, String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n");
        List<AnswerQuestion> out = new ArrayList<>();
        boolean heldOut = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("#")) {
                heldOut |= line.toLowerCase(Locale.ROOT).contains("held out");
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length < 4) {
                throw new KnowledgeFormatException(name, i + 1, "expected question, kind, type, gist, must: " + line);
            }
            boolean covered = switch (c[1].strip()) {
                case "covered" -> true;
                case "uncovered" -> false;
                default -> throw new KnowledgeFormatException(name, i + 1, "kind must be covered or uncovered");
            };
            String type = c[2].strip();
            if (!TYPES.contains(type)) {
                throw new KnowledgeFormatException(name, i + 1, "type must be one of " + TYPES);
            }
            List<List<String>> must = new ArrayList<>();
            if (c.length > 4 && !c[4].isBlank()) {
                for (String point : c[4].split("[;;]")) {
                    List<String> alternatives = Arrays.stream(point.split("/")).map(AnswerSet::folded)
                            .filter(s -> !s.isEmpty()).toList();
                    if (!alternatives.isEmpty()) {
                        must.add(alternatives);
                    }
                }
            }
            out.add(new AnswerQuestion(c[0].strip(), covered, type, c[3].strip(), covered ? must : List.of(),
                    name + ":" + (i + 1)));
        }
        return new File(name, heldOut, out);
    }

    /** Text compared for key points: Simplified, lower case, without spaces and punctuation. */
    static String folded(String text) {
        return ZhConverterUtil.toSimple(text).toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{Z}\\s]", "");
    }
}
