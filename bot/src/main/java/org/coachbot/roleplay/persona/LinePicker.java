package org.coachbot.roleplay.persona;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Draws the scripted customer's lines for one turn: lines not said yet in the session, none that asks for what the
 * agent already gave, templates filled with the agent's words.
 */
final class LinePicker {
    private final List<String> said;
    private final Random random;
    private final Predicate<String> askedAlready;

    LinePicker(List<String> said, Random random, Predicate<String> askedAlready) {
        this.said = new ArrayList<>(said);
        this.random = random;
        this.askedAlready = askedAlready;
    }

    /** A fresh line of the pool that does not ask again for what was given. */
    Optional<String> from(List<String> pool) {
        return draw(pool.stream().filter(l -> !said.contains(l) && !askedAlready.test(l)).toList());
    }

    /**
     * A line of the pool not said yet, not even inside a longer line, whatever it asks: answers are facts, not
     * questions.
     */
    Optional<String> fresh(List<String> pool) {
        return draw(pool.stream().filter(l -> said.stream().noneMatch(s -> s.contains(l))).toList());
    }

    /** Counts a part of the line being built as said, so the same line is not used twice in it. */
    void note(String part) {
        said.add(part);
    }

    private Optional<String> draw(List<String> fresh) {
        return fresh.isEmpty() ? Optional.empty() : Optional.of(fresh.get(random.nextInt(fresh.size())));
    }

    /**
     * A template not used yet in any filling, with the value put in for the placeholder; a template without
     * a placeholder is used as it is.
     */
    Optional<String> echo(List<String> templates, String placeholder, String value) {
        if (templates == null) {
            return Optional.empty();
        }
        if (placeholder.isEmpty()) {
            return from(templates);
        }
        List<String> fresh = templates.stream()
                .filter(t -> said.stream().noneMatch(filled(t, placeholder).asMatchPredicate()))
                .filter(t -> !askedAlready.test(t.replace(placeholder, "")))
                .toList();
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        String line = fresh.get(random.nextInt(fresh.size())).replace(placeholder, value);
        return said.contains(line) ? Optional.empty() : Optional.of(line);
    }

    private static Pattern filled(String template, String placeholder) {
        String[] parts = template.split(Pattern.quote(placeholder), -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(Pattern.quote(parts[i]));
            if (i < parts.length - 1) {
                regex.append(".+");
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
