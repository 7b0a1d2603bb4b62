package org.coachbot.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses one knowledge Markdown file (front matter, one {@code #} title, {@code ##} sections) into sections. */
public final class MarkdownKnowledgeParser {
    /** Longest section body accepted; the format asks for about 400 characters, this leaves room for tables. */
    public static final int MAX_SECTION_CHARS = 1500;
    private static final Pattern SECTION_TAGS = Pattern.compile("^<!--\\s*tags\\s*:(.*)-->\\s*$");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Parses the file text; throws {@link KnowledgeFormatException} naming the line at the first problem. */
    public List<Section> parse(String fileName, String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw new KnowledgeFormatException(fileName, 1, "文件必须以 --- 开头的头信息(front matter)开始");
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new KnowledgeFormatException(fileName, 1, "头信息没有以单独一行 --- 结束");
        }
        FrontMatter fm = frontMatter(fileName, String.join("\n", java.util.Arrays.copyOfRange(lines, 1, end)));
        return sections(fileName, lines, end + 1, fm);
    }

    private record FrontMatter(String title, List<String> tags, String source) {
    }

    private FrontMatter frontMatter(String fileName, String yaml) {
        JsonNode node;
        try {
            node = YAML.readTree(yaml);
        } catch (Exception e) {
            throw new KnowledgeFormatException(fileName, 2, "头信息不是合法的 YAML: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new KnowledgeFormatException(fileName, 2, "头信息必须是 key: value 形式");
        }
        String title = node.path("title").asText("").strip();
        if (title.isEmpty()) {
            throw new KnowledgeFormatException(fileName, 2, "头信息缺少 title");
        }
        List<String> tags = new ArrayList<>();
        JsonNode tagNode = node.path("tags");
        if (tagNode.isArray()) {
            tagNode.forEach(t -> addTags(tags, t.asText()));
        } else if (tagNode.isTextual()) {
            addTags(tags, tagNode.asText());
        }
        if (tags.isEmpty()) {
            throw new KnowledgeFormatException(fileName, 2, "头信息缺少 tags(至少一个检索词)");
        }
        JsonNode src = node.path("source");
        String source = src.isArray() ? joinArray(src) : src.asText("").strip();
        if (source.isEmpty()) {
            throw new KnowledgeFormatException(fileName, 2, "头信息缺少 source(来源材料文件名)");
        }
        return new FrontMatter(title, tags, source);
    }

    private List<Section> sections(String fileName, String[] lines, int start, FrontMatter fm) {
        List<Section> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean titleSeen = false;
        String heading = null;
        int headingLine = 0;
        List<String> sectionTags = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int i = start; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : null;
            boolean flush = line == null || line.startsWith("## ") || line.startsWith("# ");
            if (flush && heading != null) {
                out.add(section(fileName, fm, heading, headingLine, sectionTags, body));
                heading = null;
            }
            if (line == null) {
                break;
            }
            if (line.startsWith("# ")) {
                if (titleSeen) {
                    throw new KnowledgeFormatException(fileName, i + 1, "只能有一个一级标题 # ");
                }
                titleSeen = true;
            } else if (line.startsWith("## ")) {
                if (!titleSeen) {
                    throw new KnowledgeFormatException(fileName, i + 1, "小节 ## 之前缺少一级标题 # 标题");
                }
                heading = line.substring(3).strip();
                headingLine = i + 1;
                if (heading.isEmpty()) {
                    throw new KnowledgeFormatException(fileName, i + 1, "小节标题为空");
                }
                if (!seen.add(heading)) {
                    throw new KnowledgeFormatException(fileName, i + 1, "小节标题重复: " + heading);
                }
                sectionTags = new ArrayList<>();
                body = new StringBuilder();
            } else if (heading != null) {
                Matcher m = SECTION_TAGS.matcher(line.strip());
                if (m.matches() && body.toString().isBlank()) {
                    addTags(sectionTags, m.group(1));
                } else {
                    checkEditorialMark(fileName, i + 1, line, body);
                    body.append(line).append('\n');
                }
            } else if (!line.isBlank() && titleSeen) {
                // Text between the title and the first section is an introduction; it is not retrievable.
                continue;
            } else if (!line.isBlank()) {
                throw new KnowledgeFormatException(fileName, i + 1, "头信息之后应是一级标题 # 标题");
            }
        }
        if (!titleSeen) {
            throw new KnowledgeFormatException(fileName, start + 1, "缺少一级标题 # 标题");
        }
        if (out.isEmpty()) {
            throw new KnowledgeFormatException(fileName, start + 1, "没有任何 ## 小节");
        }
        return out;
    }

    private Section section(String fileName, FrontMatter fm, String heading, int line, List<String> sectionTags,
                            StringBuilder body) {
        String text = body.toString().strip();
        if (text.isEmpty()) {
            throw new KnowledgeFormatException(fileName, line, "小节「" + heading + "」没有正文");
        }
        if (text.length() > MAX_SECTION_CHARS) {
            throw new KnowledgeFormatException(fileName, line,
                    "小节「" + heading + "」有 " + text.length() + " 字,超过上限 " + MAX_SECTION_CHARS + ",请拆分");
        }
        List<String> tags = new ArrayList<>(fm.tags());
        sectionTags.stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        return new Section(Section.idOf(fileName, heading), fileName, fm.title(), heading, text, tags, fm.source(),
                line);
    }

    /** The editorial mark opens a paragraph; anywhere else it would leave what it marks unclear. */
    private static void checkEditorialMark(String fileName, int lineNumber, String line, StringBuilder body) {
        int at = line.indexOf(Section.EDITORIAL_MARK);
        if (at < 0) {
            return;
        }
        boolean paragraphStart = body.toString().isBlank() || body.toString().endsWith("\n\n")
                || body.toString().matches("(?s).*\n[ \t]*\n$");
        if (at != line.length() - line.stripLeading().length() || !paragraphStart) {
            throw new KnowledgeFormatException(fileName, lineNumber, Section.EDITORIAL_MARK
                    + " 只能写在段落开头(前面空一行),标明这一整段是编者补充的内容");
        }
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
