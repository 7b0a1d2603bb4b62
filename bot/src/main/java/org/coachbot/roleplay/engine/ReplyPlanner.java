package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.scenario.Fact;
import org.coachbot.roleplay.scenario.Hearing;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.OffScript;
import org.coachbot.roleplay.scenario.Recall;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.TextNormalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what the customer does with a trainee line, for whichever persona then says it: the moment of the call
 * first (thanks, goodbye, hang-up), then an insult, a private contact given, off-script input and offences, the
 * facts asked about, what the agent offers and promises, a question the customer cannot answer, the agent's own
 * words picked up, the good moves, and finally what the customer still remembers from earlier in the call.
 */
public final class ReplyPlanner {
    /**
     * Offences the customer answers before anything the line asks: a question wrapped in blame or an accusation is
     * heard as the blame. A curt order, a "can't" or a curt first word around a question ("喂,单号多少?") still
     * gets the answer.
     */
    private static final Set<MoveKind> BEFORE_ANSWERS = EnumSet.of(MoveKind.BLAME_OTHER, MoveKind.ACCUSING,
            MoveKind.DISMISSIVE);
    /** The good moves in the order a real customer responds to them. */
    private static final List<MoveKind> GOOD_ORDER = List.of(MoveKind.EMPATHY, MoveKind.APOLOGY,
            MoveKind.OPEN_QUESTION, MoveKind.GOOD_QUESTION, MoveKind.THANKS, MoveKind.SELF_INTRO, MoveKind.GREETING);

    private ReplyPlanner() {
    }

    /**
     * @param before the call as it stood before the line: what the customer had already told and remembered
     * @param after  the session with the line heard
     */
    public static ReplyPlan plan(Scenario scenario, Hearing hearing, CallState before, Session after, Heard heard,
                                 TurnContext.Moment moment) {
        List<Cue> cues = new ArrayList<>();
        if (moment == TurnContext.Moment.SATISFIED && !heard.facts().isEmpty()) {
            // Satisfied by a line that also asks something: the customer answers; the thanks can wait.
            cues.add(new Cue.Answer(heard.facts(), told(before, heard.facts()), !heard.unknown().isEmpty()));
        }
        if (moment != TurnContext.Moment.TALK) {
            cues.add(new Cue.Ending(moment));
            return new ReplyPlan(cues);
        }
        Set<MoveKind> kinds = heard.kinds();
        // An offence the rubric heard only by resemblance in a line that sounds plain and polite to the customer
        // is still scored, but not answered as one.
        // So is one in a goodbye after the agent did something about the problem ("那就这样吧" is close to a
        // brush-off).
        boolean leaving = kinds.contains(MoveKind.CLOSING) || heard.farewell();
        // "那就先这样,再见" can sound like a next step to the rubric; a goodbye that names no remedy beat and no time
        // offers nothing, and only what the agent did before it counts. Nor does one that only restates a step
        // already offered ("每个月短信会自动发给您,再见"): it sums up, it offers nothing new to take up.
        boolean mereGoodbye = leaving && before.beats().containsAll(heard.beats());
        boolean didSomething = didSomething(hearing, after, mereGoodbye ? heard.moves() : List.of());
        boolean letPass = !heard.plainOffence() && (heard.soundsCalm() || (leaving && didSomething));
        if (kinds.contains(MoveKind.INSULT) && !letPass) {
            cues.add(new Cue.React(MoveKind.INSULT));
        }
        if (heard.contact() && !before.remembers(Recall.CONTACT)) {
            after.call().memory().stream().filter(m -> m.recall() == Recall.CONTACT).findFirst()
                    .ifPresent(m -> cues.add(new Cue.Recalled(m)));
        }
        heard.offScript().filter(k -> k == OffScript.EMOJI || k == OffScript.ENGLISH)
                .ifPresent(k -> cues.add(new Cue.Aside(k)));
        List<MoveKind> bad = letPass ? List.of() : badOrder(scenario, kinds);
        // Blame or an accusation heard only by resemblance in a question does not keep the customer from answering.
        Set<MoveKind> first = heard.plainOffence() || heard.facts().isEmpty() ? BEFORE_ANSWERS : Set.of();
        bad.stream().filter(first::contains).forEach(k -> cues.add(new Cue.React(k)));
        // An offence only the customer hears ("规定就是这样", "您冲我发什么火?") is answered before what the line
        // asks, as the rubric's are; beside an offer it comes after the offer.
        boolean offers = !heard.beats().isEmpty() || kinds.contains(MoveKind.SOLUTION)
                || kinds.contains(MoveKind.PROMISE);
        // An over-promise is taken at its word, so an offence beside it ("尽量吧,我也不能保证") is still heard.
        boolean noOffence = bad.stream().allMatch(k -> k == MoveKind.OVER_PROMISE);
        // Heard only by likeness, an offence in a line the rubric hears as empathy ("您别急,您慢慢说,我都听着呢")
        // is the classifier mistaking the words, not the agent's tone.
        boolean kind = kinds.contains(MoveKind.EMPATHY) || kinds.contains(MoveKind.APOLOGY);
        Optional<MoveKind> amiss = noOffence && !kinds.contains(MoveKind.INSULT)
                && (heard.amissWritten() || !kind) ? heard.takenAmiss() : Optional.empty();
        // Heard only by likeness, it waits behind the facts asked too: half a choice question ("当初是您自己订的,
        // 还是…?") can sound like an accusation.
        boolean amissFirst = heard.amissWritten() || (!offers && heard.facts().isEmpty());
        if (amissFirst) {
            amiss.ifPresent(k -> cues.add(new Cue.React(k)));
        }
        if (!heard.facts().isEmpty()) {
            cues.add(new Cue.Answer(heard.facts(), told(before, heard.facts()), !heard.unknown().isEmpty()));
        }
        // A "can't" beside a step the agent offers instead ("远程不行我就安排工程师上门", "不能加微信,不过您报我工号")
        // is taken with the step: the offer is answered first. A remedy beat the rubric hears as no solution or
        // promise ("我们也没办法,您等一个多小时吧") is no step offered instead.
        boolean insteadOffered = (kinds.contains(MoveKind.SOLUTION) || kinds.contains(MoveKind.PROMISE))
                && bad.stream().allMatch(k -> k == MoveKind.NEGATIVE_LANGUAGE);
        bad.stream().filter(k -> !first.contains(k) && k != MoveKind.OVER_PROMISE && !insteadOffered)
                .forEach(k -> cues.add(new Cue.React(k)));
        if (scenario.silent() && !after.drawnOut()) {
            if (!heard.unknown().isEmpty() && heard.facts().isEmpty()) {
                cues.add(new Cue.DontKnow());
            }
            if (leaving && bad.isEmpty()) {
                // A caller who hardly says a word is glad to let the call end.
                cues.add(new Cue.Settle());
            }
            cues.add(new Cue.Guarded());
            return new ReplyPlan(cues);
        }
        if (heard.offScript().filter(k -> k == OffScript.WALL).isPresent()) {
            cues.add(new Cue.Aside(OffScript.WALL));
        }
        // An offer the agent makes is answered before a question the customer cannot answer; a remedy or a promise
        // heard only in a line that does nothing but ask ("工程部今晚有几个人值班?") is no offer: the question comes
        // first.
        boolean offerMade = (kinds.contains(MoveKind.SOLUTION) || kinds.contains(MoveKind.PROMISE))
                && !(heard.onlyAsks() && !heard.unknown().isEmpty());
        if (offerMade && !mereGoodbye) {
            offers(heard, kinds, cues);
        }
        if (!heard.unknown().isEmpty() && heard.facts().isEmpty()) {
            cues.add(new Cue.DontKnow());
        }
        if (!offerMade && !mereGoodbye) {
            offers(heard, kinds, cues);
        }
        if (insteadOffered) {
            bad.forEach(k -> cues.add(new Cue.React(k)));
        }
        if (!amissFirst) {
            amiss.ifPresent(k -> cues.add(new Cue.React(k)));
        }
        heard.name().ifPresent(n -> cues.add(new Cue.Echo("name", n)));
        // A goodbye after the agent did something about the problem is taken, curtly while not won over; a goodbye
        // before anything was done is not.
        boolean settles = leaving && bad.isEmpty() && amiss.isEmpty() && didSomething;
        if (settles) {
            cues.add(new Cue.Settle());
        }
        if (kinds.contains(MoveKind.CLOSING) || (leaving && !settles)) {
            cues.add(new Cue.React(MoveKind.CLOSING));
        }
        for (MoveKind good : GOOD_ORDER) {
            if (kinds.contains(good)) {
                cues.add(new Cue.React(good));
            }
        }
        if (heard.offScript().filter(k -> k == OffScript.FILLER).isPresent()) {
            cues.add(new Cue.Aside(OffScript.FILLER));
        }
        if (after.mood() > MoodRules.RESOLVED_MOOD) {
            // A customer who has calmed down does not hold the agent to an earlier word.
            unrecalled(before).ifPresent(cues::add);
        }
        if (cues.isEmpty()) {
            // Nothing heard in the line: a plain one ("稍等,我查一下") is let pass; one with an edge the rubric did
            // not hear as an offence ("那你们自己去问接待单位吧") is answered in the customer's mood.
            boolean edgy = heard.edge() >= hearing.edge() && !heard.soundsCalm();
            cues.add(edgy ? new Cue.Mood(Reaction.PUSHBACK) : new Cue.GoOn());
        }
        return new ReplyPlan(cues);
    }

    private static void offers(Heard heard, Set<MoveKind> kinds, List<Cue> cues) {
        boolean offered = !heard.beats().isEmpty() || kinds.contains(MoveKind.PROMISE)
                || kinds.contains(MoveKind.SOLUTION);
        // A promise too good to be true is doubted before its time is taken down.
        if (kinds.contains(MoveKind.OVER_PROMISE)) {
            cues.add(new Cue.React(MoveKind.OVER_PROMISE));
        }
        if (offered) {
            heard.time().ifPresent(t -> cues.add(new Cue.Echo("time", t)));
        }
        if (!heard.beats().isEmpty() && !kinds.contains(MoveKind.SOLUTION)) {
            cues.add(new Cue.React(MoveKind.SOLUTION));
        }
        for (MoveKind k : List.of(MoveKind.SOLUTION, MoveKind.PROMISE)) {
            if (kinds.contains(k)) {
                cues.add(new Cue.React(k));
            }
        }
    }

    /**
     * The agent offered a remedy beat, a solution or a promise somewhere in the call, this line included, apart
     * from the moves passed over, or said that something was done ("退款申请提交了", "师傅会先打您电话").
     */
    private static boolean didSomething(Hearing hearing, Session after, List<DetectedMove> passedOver) {
        return !after.call().beats().isEmpty() || after.moves().stream().filter(m -> !passedOver.contains(m))
                .anyMatch(m -> m.kind() == MoveKind.SOLUTION || m.kind() == MoveKind.PROMISE)
                || after.transcript().stream().filter(u -> u.speaker() == Utterance.Speaker.TRAINEE)
                .anyMatch(u -> hearing.reportsDone(TextNormalizer.normalize(u.text())));
    }

    private static Set<String> told(CallState before, List<Fact> asked) {
        Set<String> out = new HashSet<>();
        asked.stream().map(Fact::id).filter(before.facts()::contains).forEach(out::add);
        return out;
    }

    /**
     * A promise or refusal from an earlier line the customer has not brought up since: a line with nothing else
     * in it is where a caller says "你说的十分钟,我可记着呢".
     */
    private static Optional<Cue> unrecalled(CallState before) {
        List<Remembered> memory = before.memory();
        for (int i = memory.size() - 1; i >= 0; i--) {
            Remembered m = memory.get(i);
            if (m.recall() == Recall.PROMISE || m.recall() == Recall.REFUSAL) {
                return m.recalled() ? Optional.empty() : Optional.of(new Cue.Recalled(m));
            }
        }
        return Optional.empty();
    }

    /** The bad moves of the line, the most inflaming first; an insult is answered on its own. */
    static List<MoveKind> badOrder(Scenario s, Set<MoveKind> kinds) {
        return kinds.stream().filter(MoveKind::bad).filter(k -> k != MoveKind.INSULT)
                .sorted(Comparator.comparingInt((MoveKind k) -> -s.inflames().getOrDefault(k, 0))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }
}
