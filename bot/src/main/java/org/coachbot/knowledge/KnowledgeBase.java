package org.coachbot.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The curated sections that loaded, the glossary that goes with them, and the problems of the files that did not
 * load.
 */
public record KnowledgeBase(List<Section> sections, List<KnowledgeFormatException> problems, Glossary glossary) {

    public KnowledgeBase {
        sections = List.copyOf(sections);
        problems = List.copyOf(problems);
        glossary = glossary == null ? Glossary.EMPTY : glossary;
    }

    /** Sections without a glossary. */
    public KnowledgeBase(List<Section> sections, List<KnowledgeFormatException> problems) {
        this(sections, problems, Glossary.EMPTY);
    }

    /** Looks a section up by its {@code file#title} id. */
    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Number of distinct files that contributed sections. */
    public int fileCount() {
        return (int) sections.stream().map(Section::file).distinct().count();
    }

    /** Sections grouped by file, in load order. */
    public Map<String, List<Section>> byFile() {
        Map<String, List<Section>> out = new LinkedHashMap<>();
        for (Section s : sections) {
            out.computeIfAbsent(s.file(), f -> new ArrayList<>()).add(s);
        }
        return out;
    }
}
