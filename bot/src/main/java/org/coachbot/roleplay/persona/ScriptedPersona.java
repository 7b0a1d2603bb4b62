package org.coachbot.roleplay.persona;

import org.coachbot.roleplay.engine.Heard;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.TurnContext;
import org.coachbot.roleplay.scenario.CustomerLines;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.OffScript;
import org.coachbot.roleplay.scenario.Scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The customer without a language model: answers from the scenario's lines, chosen by what the trainee just did —
 * the moment of the call first (thanks, goodbye, hang-up), then an insult, off-script input, offences, a question
 * about the fact sheet, the trainee's own words picked up, the good moves, and finally the mood. A line said once
 * in a session is never said again; deterministic for a given turn generator.
 */
public final class ScriptedPersona implements CustomerPersona {
    /** The good moves in the order a real customer responds to them; closing first, as it comes too early. */
    private static final List<MoveKind> GOOD_ORDER = List.of(MoveKind.CLOSING, MoveKind.SOLUTION, MoveKind.PROMISE,
            MoveKind.EMPATHY, MoveKind.APOLOGY, MoveKind.OPEN_QUESTION, MoveKind.GOOD_QUESTION, MoveKind.THANKS,
            MoveKind.SELF_INTRO, MoveKind.GREETING);

    @Override
    public String reply(TurnContext turn) {
        Scenario s = turn.scenario();
        CustomerLines lines = s.lines();
        Picker pick = new Picker(turn.session().customerLines(), turn.random());
        Heard heard = turn.heard();
        Session session = turn.session();
        List<Supplier<Optional<String>>> choices = new ArrayList<>();
        switch (turn.moment()) {
            case HANGUP -> choices.add(() -> pick.from(lines.hangup()));
            case FAREWELL -> choices.add(() -> pick.from(lines.farewell()));
            case SATISFIED -> choices.add(() -> pick.from(lines.satisfied()));
            case TALK -> talk(s, session, heard, pick, choices);
        }
        choices.add(() -> pick.from(lines.mood(session.mood())));
        choices.add(() -> pick.from(nearbyMoods(lines, session.mood())));
        choices.add(() -> pick.from(everything(lines)));
        for (Supplier<Optional<String>> choice : choices) {
            Optional<String> line = choice.get();
            if (line.isPresent()) {
                return line.get();
            }
        }
        // Every line of the scenario has been said; a call this long has long since ended by the turn limit.
        return lines.mood(session.mood()).get(turn.random().nextInt(lines.mood(session.mood()).size()));
    }

    private static void talk(Scenario s, Session session, Heard heard, Picker pick,
                             List<Supplier<Optional<String>>> choices) {
        CustomerLines lines = s.lines();
        Set<MoveKind> kinds = heard.kinds();
        if (kinds.contains(MoveKind.INSULT)) {
            choices.add(() -> pick.from(lines.reaction(MoveKind.INSULT)));
        }
        heard.offScript().filter(k -> k == OffScript.EMOJI || k == OffScript.ENGLISH)
                .ifPresent(k -> choices.add(() -> pick.from(lines.offScript(k))));
        for (MoveKind bad : badOrder(s, kinds)) {
            choices.add(() -> pick.from(lines.reaction(bad)));
        }
        heard.fact().ifPresent(f -> choices.add(() -> pick.from(f.answer())));
        if (s.silent() && !session.drawnOut()) {
            choices.add(() -> pick.from(lines.guarded()));
            return;
        }
        if (heard.offScript().filter(k -> k == OffScript.WALL).isPresent()) {
            choices.add(() -> pick.from(lines.offScript(OffScript.WALL)));
        }
        boolean offered = !heard.beats().isEmpty() || kinds.contains(MoveKind.PROMISE)
                || kinds.contains(MoveKind.SOLUTION);
        if (offered) {
            heard.time().ifPresent(t -> choices.add(() -> pick.echo(lines.echo().get("time"), "time", t)));
        }
        heard.name().ifPresent(n -> choices.add(() -> pick.echo(lines.echo().get("name"), "name", n)));
        if (!heard.beats().isEmpty() && !kinds.contains(MoveKind.SOLUTION)) {
            choices.add(() -> pick.from(lines.reaction(MoveKind.SOLUTION)));
        }
        for (MoveKind good : GOOD_ORDER) {
            if (kinds.contains(good)) {
                choices.add(() -> pick.from(lines.reaction(good)));
            }
        }
        if (heard.question() && heard.fact().isEmpty() && kinds.isEmpty()) {
            choices.add(() -> pick.from(lines.offScript(OffScript.QUESTION)));
        }
        if (heard.offScript().filter(k -> k == OffScript.FILLER).isPresent()) {
            choices.add(() -> pick.from(lines.offScript(OffScript.FILLER)));
        }
    }

    /** The bad moves of the line, the most inflaming first. */
    static List<MoveKind> badOrder(Scenario s, Set<MoveKind> kinds) {
        return kinds.stream().filter(MoveKind::bad).filter(k -> k != MoveKind.INSULT)
                .sorted(Comparator.comparingInt((MoveKind k) -> -s.inflames().getOrDefault(k, 0))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private static List<String> nearbyMoods(CustomerLines lines, int mood) {
        List<String> out = new ArrayList<>();
        for (int m = Math.max(Scenario.MIN_MOOD, mood - 1); m <= Math.min(Scenario.MAX_MOOD, mood + 1); m++) {
            out.addAll(lines.mood(m));
        }
        return out;
    }

    private static List<String> everything(CustomerLines lines) {
        List<String> out = new ArrayList<>();
        lines.byMood().values().forEach(out::addAll);
        lines.reactions().values().forEach(out::addAll);
        return out;
    }

    /** Draws lines the customer has not said yet in this session. */
    private static final class Picker {
        private final List<String> said;
        private final Random random;

        Picker(List<String> said, Random random) {
            this.said = said;
            this.random = random;
        }

        Optional<String> from(List<String> pool) {
            List<String> fresh = pool.stream().filter(l -> !said.contains(l)).toList();
            return fresh.isEmpty() ? Optional.empty() : Optional.of(fresh.get(random.nextInt(fresh.size())));
        }

        /** A template not used yet in any filling, with the trainee's words put in. */
        Optional<String> echo(List<String> templates, String key, String value) {
            if (templates == null) {
                return Optional.empty();
            }
            List<String> fresh = templates.stream().filter(t -> said.stream().noneMatch(filled(t, key)
                    .asMatchPredicate())).toList();
            if (fresh.isEmpty()) {
                return Optional.empty();
            }
            String line = fresh.get(random.nextInt(fresh.size())).replace("{" + key + "}", value);
            return said.contains(line) ? Optional.empty() : Optional.of(line);
        }

        private static Pattern filled(String template, String key) {
            String[] parts = template.split(Pattern.quote("{" + key + "}"), -1);
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                regex.append(Pattern.quote(parts[i]));
                if (i < parts.length - 1) {
                    regex.append(".+");
                }
            }
            return Pattern.compile(regex.toString());
        }
    }
}
