package org.coachbot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One self-contained {@code ## } section of a knowledge file.
 *
 * @param id        {@code <file stem>#<section title>}, the handle evaluation sets, scenarios and the rubric use
 * @param file      file name, e.g. {@code silent-customer.md}
 * @param topic     the file's title
 * @param title     the section heading
 * @param body      the section text, Markdown stripped of the heading and tag comment; paragraphs the editors wrote
 *                  beyond the seeds start with {@link #EDITORIAL_MARK}
 * @param tags      file tags followed by the section's own tags: the words agents type
 * @param source    the seed material the section was curated from
 * @param line      1-based line of the heading in the file, for error messages
 * @param asks      questions as agents type them that this section answers, written by the knowledge's editors;
 *                  retrieval compares a question with each
 */
public record Section(String id, String file, String topic, String title, String body, List<String> tags,
                      String source, int line, List<String> asks) {
    /** Starts a paragraph the knowledge's editors wrote beyond the seed material; see knowledge/README.md. */
    public static final String EDITORIAL_MARK = "【编者补充】";
    /**
     * Opens the paragraph that names the training material's principles a section applies
     * ("相关原则:处变不惊;忍耐与宽容。"); see knowledge/README.md.
     */
    private static final Pattern PRINCIPLES = Pattern.compile("^相关原则[::]\\s*");

    public Section {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(body, "body must not be null");
        topic = topic == null ? "" : topic;
        tags = List.copyOf(tags);
        source = source == null ? "" : source;
        asks = asks == null ? List.of() : List.copyOf(asks);
    }

    /** A section without example questions. */
    public Section(String id, String file, String topic, String title, String body, List<String> tags,
                   String source, int line) {
        this(id, file, topic, title, body, tags, source, line, List.of());
    }

    /** Builds the id for a section title in a file. */
    public static String idOf(String fileName, String title) {
        String stem = fileName.endsWith(".md") ? fileName.substring(0, fileName.length() - 3) : fileName;
        return stem + "#" + title;
    }

    /**
     * The body's paragraphs (separated by blank lines), each marked whether the editors wrote it; the paragraph
     * naming the section's principles is not one of them (see {@link #principles()}).
     */
    public List<Paragraph> paragraphs() {
        List<Paragraph> out = new ArrayList<>();
        for (String text : blocks(false)) {
            boolean editorial = text.startsWith(EDITORIAL_MARK);
            out.add(new Paragraph(editorial ? text.substring(EDITORIAL_MARK.length()).strip() : text, editorial));
        }
        return out;
    }

    /** The body without the paragraph naming its principles: what retrieval reads. */
    public String prose() {
        return String.join("\n\n", blocks(false));
    }

    /**
     * The principles of the training material this section applies, as its "相关原则:" paragraph names them, most
     * important first; empty when it has none.
     */
    public List<String> principles() {
        List<String> out = new ArrayList<>();
        for (String block : blocks(true).stream().limit(1).toList()) {
            Matcher m = PRINCIPLES.matcher(block);
            m.find();
            for (String p : block.substring(m.end()).split("[;;]")) {
                String name = p.strip().replaceAll("[。.]$", "").strip();
                if (!name.isEmpty()) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** The body's non-empty blocks between blank lines, stripped: the principles paragraph, or all the others. */
    private List<String> blocks(boolean principles) {
        List<String> out = new ArrayList<>();
        for (String block : body.strip().split("\n\\s*\n")) {
            String text = block.strip();
            if (!text.isEmpty() && PRINCIPLES.matcher(text).find() == principles) {
                out.add(text);
            }
        }
        return out;
    }

    /** Whether every paragraph is the editors' own, i.e. the seeds say nothing on this. */
    public boolean editorial() {
        return paragraphs().stream().allMatch(Paragraph::editorial);
    }

    /** Whether some paragraph is the editors' own. */
    public boolean hasEditorial() {
        return paragraphs().stream().anyMatch(Paragraph::editorial);
    }
}
