package org.coachbot.roleplay.scenario;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeFormatException;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.knowledge.PatternBudget;
import org.coachbot.text.Texts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads the scenario and rubric files of a knowledge folder; one broken file does not stop the others. */
final class ScenarioLoader {
    static final String RUBRIC_FILE = "rubric.yaml";
    static final String SCENARIO_DIR = "scenarios";
    private final Texts texts = Texts.of("roleplay");
    private final RubricParser rubricParser;
    private final ScenarioParser scenarioParser;

    ScenarioLoader() {
        this(PatternBudget.DEFAULT);
    }

    /** @param budget how long a rubric or scenario pattern may take on one line before the file is refused */
    ScenarioLoader(PatternBudget budget) {
        this.rubricParser = new RubricParser(texts, budget);
        this.scenarioParser = new ScenarioParser(texts, budget);
    }

    ScenarioBook load(Path dir, KnowledgeBase knowledge) {
        List<KnowledgeFormatException> problems = new ArrayList<>();
        Rubric rubric = null;
        Path rubricFile = dir.resolve(RUBRIC_FILE);
        if (Files.isRegularFile(rubricFile)) {
            try {
                rubric = rubricParser.parse(RUBRIC_FILE, read(RUBRIC_FILE, rubricFile));
                problems.addAll(unresolvedSections(RUBRIC_FILE, rubric, knowledge));
            } catch (KnowledgeFormatException e) {
                problems.add(e);
            }
        } else {
            problems.add(new KnowledgeFormatException(RUBRIC_FILE, 0, texts.get("rubric.absent")));
        }
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : scenarioFiles(dir.resolve(SCENARIO_DIR))) {
            String name = SCENARIO_DIR + "/" + file.getFileName();
            try {
                Scenario s = scenarioParser.parse(name, read(name, file));
                if (!ids.add(s.id())) {
                    // x.yaml and x.yml: both claim the same id.
                    throw new KnowledgeFormatException(name, 1, texts.get("yaml.duplicate.id", s.id()));
                }
                scenarios.add(s);
                problems.addAll(unresolvedSections(name, s, knowledge));
            } catch (KnowledgeFormatException e) {
                problems.add(e);
            }
        }
        return new ScenarioBook(scenarios, rubric, problems);
    }

    List<KnowledgeFormatException> validate(String fileName, byte[] bytes, KnowledgeBase knowledge) {
        try {
            String text = decode(fileName, bytes);
            if (fileName.equals(RUBRIC_FILE)) {
                return unresolvedSections(fileName, rubricParser.parse(fileName, text), knowledge);
            }
            if (!fileName.endsWith(".yaml") && !fileName.endsWith(".yml")) {
                return List.of(new KnowledgeFormatException(fileName, 0, texts.get("upload.yaml.name")));
            }
            return unresolvedSections(fileName, scenarioParser.parse(fileName, text), knowledge);
        } catch (KnowledgeFormatException e) {
            return List.of(e);
        }
    }

    /** Section ids that name no section: reported, but the file still loads so one renamed heading breaks nothing. */
    private List<KnowledgeFormatException> unresolvedSections(String file, Rubric rubric, KnowledgeBase knowledge) {
        List<KnowledgeFormatException> out = new ArrayList<>();
        for (Detector d : rubric.detectors()) {
            if (!d.section().isEmpty() && knowledge.section(d.section()).isEmpty()) {
                out.add(new KnowledgeFormatException(file, 0, texts.get("section.unknown", d.section(), d.id())));
            }
        }
        String cold = rubric.scoring().coldSection();
        if (knowledge.section(cold).isEmpty()) {
            out.add(new KnowledgeFormatException(file, 0, texts.get("section.unknown", cold, "scoring.cold_section")));
        }
        return out;
    }

    private List<KnowledgeFormatException> unresolvedSections(String file, Scenario s, KnowledgeBase knowledge) {
        List<KnowledgeFormatException> out = new ArrayList<>();
        for (String id : s.trains()) {
            if (knowledge.section(id).isEmpty()) {
                out.add(new KnowledgeFormatException(file, 0, texts.get("section.unknown", id, "trains")));
            }
        }
        return out;
    }

    private String read(String name, Path file) {
        try {
            return decode(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new KnowledgeFormatException(name, 0,
                    texts.get("file.unreadable", e.getMessage()), e);
        }
    }

    private String decode(String fileName, byte[] bytes) {
        if (bytes.length > KnowledgeLoader.MAX_FILE_BYTES) {
            throw new KnowledgeFormatException(fileName, 0, texts.get("file.too.big", bytes.length));
        }
        return KnowledgeLoader.utf8(fileName, bytes);
    }

    private static List<Path> scenarioFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("[^.].*\\.ya?ml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list scenario folder " + dir, e);
        }
    }
}
