package org.coachbot.roleplay.scenario;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeFormatException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The practice scenarios and the rubric that loaded from a knowledge folder, and the problems of the files that
 * did not. Immutable: the bot swaps in a new book when an admin changes a file.
 */
public final class ScenarioBook {
    private final List<Scenario> scenarios;
    private final Rubric rubric;
    private final List<KnowledgeFormatException> problems;

    /** @param rubric null when {@code rubric.yaml} is missing or broken: role-play is then unavailable */
    public ScenarioBook(List<Scenario> scenarios, Rubric rubric, List<KnowledgeFormatException> problems) {
        this.scenarios = scenarios.stream()
                .sorted(Comparator.comparingInt(Scenario::difficulty).thenComparing(Scenario::id)).toList();
        this.rubric = rubric;
        this.problems = List.copyOf(problems);
    }

    /** Loads {@code scenarios/*.yaml} and {@code rubric.yaml}; section ids are checked against {@code knowledge}. */
    public static ScenarioBook load(Path knowledgeDir, KnowledgeBase knowledge) {
        return new ScenarioLoader().load(knowledgeDir, knowledge);
    }

    /** A book with nothing in it, for a bot started without a knowledge folder. */
    public static ScenarioBook empty() {
        return new ScenarioBook(List.of(), null, List.of());
    }

    /**
     * Checks one uploaded file ({@code rubric.yaml} or {@code <id>.yaml}) before it is installed: size, UTF-8,
     * format and section ids. An empty list means the file can be installed.
     */
    public static List<KnowledgeFormatException> validate(String fileName, byte[] bytes, KnowledgeBase knowledge) {
        return new ScenarioLoader().validate(fileName, bytes, knowledge);
    }

    /** Scenarios from easy to hard. */
    public List<Scenario> scenarios() {
        return scenarios;
    }

    public Optional<Scenario> scenario(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Rubric> rubric() {
        return Optional.ofNullable(rubric);
    }

    /** Role-play needs the rubric to score and at least one scenario to play. */
    public boolean playable() {
        return rubric != null && !scenarios.isEmpty();
    }

    /** Every phrase the role-play compares trainee lines with: detector examples, fact questions, remedy examples. */
    public List<String> phrases() {
        List<String> out = new ArrayList<>();
        rubric().ifPresent(r -> {
            r.detectors().forEach(d -> out.addAll(d.examples()));
            out.addAll(r.neutral());
        });
        out.addAll(Tone.shipped().phrases());
        for (Scenario s : scenarios) {
            s.facts().forEach(f -> out.addAll(f.ask()));
            s.facts().forEach(f -> out.addAll(f.told()));
            s.remedy().forEach(b -> out.addAll(b.examples()));
        }
        return out;
    }

    public List<KnowledgeFormatException> problems() {
        return problems;
    }
}
