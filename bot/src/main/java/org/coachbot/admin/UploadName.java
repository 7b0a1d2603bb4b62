package org.coachbot.admin;

import org.coachbot.knowledge.Glossary;
import org.coachbot.knowledge.KnowledgeFormatException;

import java.nio.file.Path;
import java.util.Locale;

/** Turns an uploaded file name into a safe one inside the knowledge folder, or refuses it. */
final class UploadName {
    private UploadName() {
    }

    /** Lower-cased, no path parts, no hidden files, only {@code [a-z0-9._-]}, ending in .md or .yaml. */
    static String sanitize(String fileName) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.contains("/") || name.contains("\\") || name.contains("..")) {
            throw new KnowledgeFormatException(fileName, 0, "文件名不能包含路径(/、\\ 或 ..),请只发送文件本身");
        }
        if (name.startsWith(".")) {
            throw new KnowledgeFormatException(fileName, 0, "不接受隐藏文件(以 . 开头的文件名)");
        }
        if (name.endsWith(".yml")) {
            name = name.substring(0, name.length() - 4) + ".yaml";
        }
        if (!name.matches("[a-z0-9][a-z0-9._-]{0,80}\\.(md|yaml)")) {
            throw new KnowledgeFormatException(fileName, 0,
                    "文件名只能用小写字母、数字、. _ -,并以 .md(知识)或 .yaml(场景、评分规则、词汇表 glossary.yaml)结尾");
        }
        if (name.equals("readme.md")) {
            throw new KnowledgeFormatException(fileName, 0, "README.md 是格式说明,不是知识文件");
        }
        return name;
    }

    /** Markdown, rubric.yaml and glossary.yaml live in the folder itself; other YAML files are scenarios. */
    static Path target(Path folder, String name) {
        if (name.endsWith(".md") || name.equals("rubric.yaml") || name.equals(Glossary.FILE_NAME)) {
            return folder.resolve(name);
        }
        return folder.resolve("scenarios").resolve(name);
    }
}
