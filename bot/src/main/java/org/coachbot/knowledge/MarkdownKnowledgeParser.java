package org.coachbot.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.coachbot.text.Texts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one knowledge Markdown file into sections. Plain Markdown is enough: an optional front matter
 * ({@code title}, {@code tags}, {@code source}, each optional), an optional {@code #} title (else the front matter's
 * title, else the file name) and {@code ##} sections; a file with a title and text but no {@code ##} is one section.
 */
public final class MarkdownKnowledgeParser {
    /** Longest section body accepted; the format asks for about 400 characters, this leaves room for tables. */
    public static final int MAX_SECTION_CHARS = 1500;
    private static final Pattern SECTION_TAGS = Pattern.compile("^<!--\\s*tags\\s*:(.*)-->\\s*$");
    /** {@code <!-- asks: 客户一直不吭声 | 客户不说话怎么办 -->}: questions agents type that the section answers. */
    private static final Pattern SECTION_ASKS = Pattern.compile("^<!--\\s*asks\\s*:(.*)-->\\s*$");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Texts TEXTS = Texts.of("knowledge");
    private final int maxSections;

    /** A parser with the default limit of {@link KnowledgeLimits#DEFAULT_SECTIONS_PER_FILE} sections per file. */
    public MarkdownKnowledgeParser() {
        this(KnowledgeLimits.DEFAULT_SECTIONS_PER_FILE);
    }

    /** @param maxSections most sections one file may have; parsing stops at the first one over it */
    public MarkdownKnowledgeParser(int maxSections) {
        if (maxSections < 1) {
            throw new IllegalArgumentException("maxSections must be >= 1: " + maxSections);
        }
        this.maxSections = maxSections;
    }

    /** Parses the file text; throws {@link KnowledgeFormatException} naming the line at the first problem. */
    public List<Section> parse(String fileName, String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        FrontMatter fm = FrontMatter.NONE;
        int start = 0;
        if (lines[0].strip().equals("---")) {
            int end = -1;
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].strip().equals("---")) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                throw error(fileName, 1, "front.unclosed");
            }
            fm = frontMatter(fileName, String.join("\n", Arrays.copyOfRange(lines, 1, end)));
            start = end + 1;
        }
        return new Body(fileName, fm).read(lines, start);
    }

    private record FrontMatter(String title, List<String> tags, String source) {
        static final FrontMatter NONE = new FrontMatter("", List.of(), "");
    }

    private static FrontMatter frontMatter(String fileName, String yaml) {
        if (yaml.isBlank()) {
            return FrontMatter.NONE;
        }
        JsonNode node;
        try {
            node = YAML.readTree(yaml);
        } catch (Exception e) {
            throw error(fileName, 2, "front.yaml", firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw error(fileName, 2, "front.map");
        }
        List<String> tags = new ArrayList<>();
        JsonNode tagNode = node.path("tags");
        if (tagNode.isArray()) {
            tagNode.forEach(t -> addTags(tags, t.asText()));
        } else if (tagNode.isValueNode()) {
            addTags(tags, tagNode.asText());
        }
        JsonNode src = node.path("source");
        String source = src.isArray() ? joinArray(src) : src.asText("").strip();
        return new FrontMatter(node.path("title").asText("").strip(), tags, source);
    }

    /** The lines after the front matter: the title, the introduction and the sections. */
    private final class Body {
        private final String fileName;
        private final FrontMatter fm;
        private final List<Section> out = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private String title = "";
        private int titleLine;
        private String heading;
        private int headingLine;
        private List<String> sectionTags = new ArrayList<>();
        private List<String> sectionAsks = new ArrayList<>();
        private StringBuilder body = new StringBuilder();
        private final StringBuilder intro = new StringBuilder();

        Body(String fileName, FrontMatter fm) {
            this.fileName = fileName;
            this.fm = fm;
        }

        List<Section> read(String[] lines, int start) {
            for (int i = start; i < lines.length; i++) {
                String line = lines[i];
                if (line.startsWith("# ")) {
                    if (!title.isEmpty()) {
                        throw error(fileName, i + 1, "title.twice");
                    }
                    title = line.substring(2).strip();
                    titleLine = i + 1;
                } else if (line.startsWith("## ")) {
                    flush();
                    open(line.substring(3).strip(), i + 1);
                } else if (heading != null) {
                    Matcher m = SECTION_TAGS.matcher(line.strip());
                    Matcher asks = SECTION_ASKS.matcher(line.strip());
                    if (m.matches() && body.toString().isBlank()) {
                        addTags(sectionTags, m.group(1));
                    } else if (asks.matches() && body.toString().isBlank()) {
                        for (String q : asks.group(1).split("\\|")) {
                            if (!q.isBlank() && !sectionAsks.contains(q.strip())) {
                                sectionAsks.add(q.strip());
                            }
                        }
                    } else {
                        checkEditorialMark(i + 1, line);
                        body.append(line).append('\n');
                    }
                } else {
                    // Text before the first section introduces the topic; it is retrievable only in a file
                    // that has no sections at all.
                    intro.append(line).append('\n');
                }
            }
            flush();
            if (out.isEmpty()) {
                if (intro.toString().isBlank()) {
                    throw error(fileName, start + 1, "file.no.content");
                }
                heading = topic();
                headingLine = Math.max(titleLine, start + 1);
                body = intro;
                flush();
            }
            return out;
        }

        /** The editorial mark opens a paragraph; anywhere else it would leave unclear what it marks. */
        private void checkEditorialMark(int lineNumber, String line) {
            int at = line.indexOf(Section.EDITORIAL_MARK);
            if (at < 0) {
                return;
            }
            String before = body.toString();
            boolean paragraphStart = before.isBlank() || before.matches("(?s).*\\n[ \\t]*\\n$");
            if (at != line.length() - line.stripLeading().length() || !paragraphStart) {
                throw error(fileName, lineNumber, "editorial.mark.misplaced", Section.EDITORIAL_MARK);
            }
        }

        private void open(String title, int line) {
            if (title.isEmpty()) {
                throw error(fileName, line, "section.title.empty");
            }
            if (!seen.add(title)) {
                throw error(fileName, line, "section.title.repeated", title);
            }
            if (seen.size() > maxSections) {
                throw error(fileName, line, "file.too.many.sections", maxSections);
            }
            heading = title;
            headingLine = line;
            sectionTags = new ArrayList<>();
            sectionAsks = new ArrayList<>();
            body = new StringBuilder();
        }

        private void flush() {
            if (heading == null) {
                return;
            }
            String text = body.toString().strip();
            if (text.isEmpty()) {
                throw error(fileName, headingLine, "section.empty", heading);
            }
            if (text.length() > MAX_SECTION_CHARS) {
                throw error(fileName, headingLine, "section.too.long", heading, text.length(), MAX_SECTION_CHARS);
            }
            List<String> tags = new ArrayList<>(fm.tags());
            sectionTags.stream().filter(t -> !tags.contains(t)).forEach(tags::add);
            out.add(new Section(Section.idOf(fileName, heading), fileName, topic(), heading, text, tags,
                    fm.source(), headingLine, sectionAsks));
            heading = null;
        }

        /** The file's topic: the front matter's title, else the {@code #} title, else the file name. */
        private String topic() {
            if (!fm.title().isEmpty()) {
                return fm.title();
            }
            if (!title.isEmpty()) {
                return title;
            }
            return fileName.endsWith(".md") ? fileName.substring(0, fileName.length() - 3) : fileName;
        }
    }

    private static KnowledgeFormatException error(String fileName, int line, String key, Object... args) {
        return new KnowledgeFormatException(fileName, line, TEXTS.get(key, args));
    }

    private static void addTags(List<String> into, String raw) {
        for (String t : raw.split("[,,、;;]")) {
            String tag = t.strip();
            if (!tag.isEmpty() && !into.contains(tag)) {
                into.add(tag);
            }
        }
    }

    private static String joinArray(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(n -> parts.add(n.asText()));
        return String.join(", ", parts);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
