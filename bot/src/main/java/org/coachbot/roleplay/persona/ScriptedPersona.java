package org.coachbot.roleplay.persona;

import org.coachbot.roleplay.engine.Cue;
import org.coachbot.roleplay.engine.CustomerPersona;
import org.coachbot.roleplay.engine.CustomerReply;
import org.coachbot.roleplay.engine.Reaction;
import org.coachbot.roleplay.engine.Remembered;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.TurnContext;
import org.coachbot.roleplay.scenario.CustomerLines;
import org.coachbot.roleplay.scenario.Fact;
import org.coachbot.roleplay.scenario.Hearing;
import org.coachbot.roleplay.scenario.OffScript;
import org.coachbot.roleplay.scenario.Recall;
import org.coachbot.roleplay.scenario.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The customer without a language model: says a line of the scenario for the first cue of the turn's plan that
 * still has one the customer has not said, then falls back to the lines of the mood. A line said once in a session
 * is never said again, and a line that asks for what the agent already gave (a time after a promise, a number
 * after a private contact) is not said at all; deterministic for a given turn generator.
 */
public final class ScriptedPersona implements CustomerPersona {
    /** From this mood on, a plain mood line objects rather than acknowledges. */
    static final int PUSHBACK_MOOD = 3;
    /** The mood whose lines take a goodbye without warmth: "行吧,那就这样。" */
    static final int SETTLED_MOOD = 1;
    /** Up to this mood a customer answers plainly. */
    static final int CALM_MOOD = 1;
    private static final Pattern EDGE = Pattern.compile("[!?!?]");
    private final Hearing hearing;

    public ScriptedPersona() {
        this(Hearing.shipped());
    }

    public ScriptedPersona(Hearing hearing) {
        this.hearing = Objects.requireNonNull(hearing, "hearing must not be null");
    }

    @Override
    public CustomerReply reply(TurnContext turn) {
        Scenario s = turn.scenario();
        CustomerLines lines = s.lines();
        Session session = turn.session();
        LinePicker pick = new LinePicker(session.customerLines(), turn.random(), askedAlready(session));
        for (Cue cue : turn.plan().cues()) {
            Optional<String> line = say(cue, lines, session, pick);
            if (line.isPresent()) {
                return new CustomerReply(line.get(), cue);
            }
        }
        Cue.Mood mood = new Cue.Mood(moodReaction(turn.plan().reaction(), session.mood()));
        for (List<String> pool : List.of(lines.mood(session.mood()), nearbyMoods(lines, session.mood()),
                everything(lines))) {
            Optional<String> line = pick.from(pool);
            if (line.isPresent()) {
                return new CustomerReply(line.get(), mood);
            }
        }
        // Every line of the scenario has been said; a call this long has long since ended by the turn limit.
        List<String> last = lines.mood(session.mood());
        return new CustomerReply(last.get(turn.random().nextInt(last.size())), mood);
    }

    /** A mood line keeps the planned reaction when it is one a mood line can make. */
    private static Reaction moodReaction(Reaction planned, int mood) {
        if (planned.kind() == Reaction.Kind.ACKNOWLEDGE || planned.kind() == Reaction.Kind.PUSHBACK) {
            return planned;
        }
        return mood >= PUSHBACK_MOOD ? Reaction.PUSHBACK : Reaction.ACKNOWLEDGE;
    }

    private Optional<String> say(Cue cue, CustomerLines lines, Session session, LinePicker pick) {
        if (cue instanceof Cue.Answer a) {
            return answer(a, lines, pick, session.mood());
        }
        if (cue instanceof Cue.DontKnow) {
            return pick.from(lines.dontKnow()).or(() -> pick.from(lines.offScript(OffScript.QUESTION)));
        }
        if (cue instanceof Cue.React r) {
            return pick.from(lines.reaction(r.move()));
        }
        if (cue instanceof Cue.Aside a) {
            return pick.from(lines.offScript(a.kind()));
        }
        if (cue instanceof Cue.Echo e) {
            return pick.echo(lines.echo().get(e.key()), "{" + e.key() + "}", e.value());
        }
        if (cue instanceof Cue.Recalled r) {
            Remembered deed = r.deed();
            return pick.echo(lines.memory(deed.recall()), deed.recall().placeholder(), deed.detail());
        }
        if (cue instanceof Cue.Guarded) {
            return pick.from(lines.guarded());
        }
        if (cue instanceof Cue.Ending e) {
            return pick.from(switch (e.moment()) {
                case SATISFIED -> lines.satisfied();
                case FAREWELL -> lines.farewell();
                default -> lines.hangup();
            });
        }
        if (cue instanceof Cue.Settle) {
            return pick.from(lines.mood(Math.min(session.mood(), SETTLED_MOOD))).or(() -> pick.from(lines.farewell()));
        }
        if (cue instanceof Cue.GoOn) {
            return pick.from(lines.goOn());
        }
        if (cue instanceof Cue.Mood) {
            return pick.from(lines.mood(session.mood()));
        }
        return Optional.empty();
    }

    /**
     * One answer per fact asked, joined; a fact told before is brought up as told ("我刚才说过了,…"), and a
     * question the customer cannot answer asked beside them gets a "don't know" at the end.
     */
    private static Optional<String> answer(Cue.Answer cue, CustomerLines lines, LinePicker pick, int mood) {
        StringBuilder out = new StringBuilder();
        for (Fact fact : cue.facts()) {
            Optional<String> fresh = pick.fresh(inMood(fact.answer(), mood)).or(() -> pick.fresh(fact.answer()));
            String said;
            if (cue.told().contains(fact.id())) {
                String answer = fresh.orElse(fact.answer().get(0));
                said = pick.echo(lines.memory(Recall.ANSWERED), Recall.ANSWERED.placeholder(), answer)
                        .or(() -> fresh).orElse(null);
            } else {
                said = fresh.orElseGet(() -> pick.echo(lines.memory(Recall.ANSWERED),
                        Recall.ANSWERED.placeholder(), fact.answer().get(0)).orElse(null));
            }
            if (said == null) {
                return Optional.empty();
            }
            pick.note(said);
            out.append(said);
        }
        if (cue.alsoUnknown()) {
            pick.fresh(lines.dontKnow()).ifPresent(out::append);
        }
        return Optional.of(out.toString());
    }

    /**
     * The answers whose tone fits the mood: an upset customer answers with an edge ("1208房间,你们登记的时候不是有
     * 吗?"), a calm one plainly ("1208。"); the exclamation or question mark tells which is which.
     */
    static List<String> inMood(List<String> answers, int mood) {
        if (mood > CALM_MOOD && mood < PUSHBACK_MOOD) {
            return answers;
        }
        boolean upset = mood >= PUSHBACK_MOOD;
        List<String> fitting = answers.stream().filter(a -> EDGE.matcher(a).find() == upset).toList();
        return fitting.isEmpty() ? answers : fitting;
    }

    /** Lines asking for what the agent already gave: a time once promised, a contact once handed over. */
    private Predicate<String> askedAlready(Session session) {
        List<Recall> given = new ArrayList<>();
        for (Recall r : List.of(Recall.PROMISE, Recall.CONTACT)) {
            if (session.call().remembers(r)) {
                given.add(r);
            }
        }
        return line -> given.stream().anyMatch(r -> hearing.asksAgain(r, line));
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
}
