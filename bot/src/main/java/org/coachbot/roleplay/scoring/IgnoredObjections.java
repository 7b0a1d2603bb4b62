package org.coachbot.roleplay.scoring;

import org.coachbot.roleplay.engine.DetectedMove;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.Utterance;
import org.coachbot.roleplay.scenario.CallChecks;
import org.coachbot.roleplay.scenario.Language;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.TextNormalizer;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the customer's objections the trainee went past ("可我不想去" answered with the next step of the plan) and
 * questions the trainee said goodbye to. The next trainee line takes one up when it speaks of the same thing (a word
 * of two characters in common), says it heard it ("您是担心……"), or meets it with a question, an apology or empathy.
 */
final class IgnoredObjections {
    /** Moves that meet whatever the customer said: asking back, apologising, naming the feeling. */
    private static final Set<MoveKind> MEETS = EnumSet.of(MoveKind.GOOD_QUESTION, MoveKind.OPEN_QUESTION,
            MoveKind.APOLOGY, MoveKind.EMPATHY);
    /** Characters that carry grammar, not a topic: sharing them says nothing. */
    private static final String FUNCTION_CHARS = "的了是我你您他她们这那不没在有就也都和吗呢吧啊呀么什怎要会能可以到给个一很还"
            + "再又把被让对说去来看做好行上下里得着过";
    /** Distinct meaningful characters an answer shares with the question it takes up. */
    static final int SHARED_CHARS = 2;
    private final CallChecks checks;

    IgnoredObjections(CallChecks checks) {
        this.checks = checks;
    }

    /**
     * Each trainee line that went past the customer's objection, or said goodbye to the customer's question, with
     * what the customer said, in call order. The opening is the problem itself, which the whole call answers.
     */
    Map<String, String> find(Session session, Language language) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Utterance> transcript = session.transcript();
        int turn = 0;
        for (int i = 0; i < transcript.size(); i++) {
            Utterance u = transcript.get(i);
            if (u.speaker() != Utterance.Speaker.TRAINEE) {
                continue;
            }
            turn++;
            if (turn == 1 || transcript.get(i - 1).speaker() != Utterance.Speaker.CUSTOMER) {
                continue;
            }
            String customer = transcript.get(i - 1).text();
            String said = TextNormalizer.normalize(customer);
            String line = TextNormalizer.normalize(u.text());
            int t = turn;
            boolean leaves = language.farewell(line)
                    || session.moves().stream().anyMatch(m -> m.turn() == t && m.kind() == MoveKind.CLOSING);
            // What needs taking up is the clause that objects ("可我不想去"), not the rest of the line.
            String objection = clauseMatching(said, checks.objection());
            if (objection == null && leaves && checks.question().matcher(said).find()) {
                objection = said;
            }
            if (objection != null && !takesUp(objection, u.text(), session.moves(), turn)) {
                out.putIfAbsent(u.text(), customer);
            }
        }
        return out;
    }

    /** The clause of the line the pattern occurs in, or null. */
    private static String clauseMatching(String line, Pattern pattern) {
        for (String clause : Words.clauses(line)) {
            if (pattern.matcher(clause).find()) {
                return clause;
            }
        }
        return null;
    }

    private boolean takesUp(String customer, String traineeLine, List<DetectedMove> moves, int turn) {
        String line = TextNormalizer.normalize(traineeLine);
        if (checks.heard().matcher(line).find()) {
            return true;
        }
        int t = turn;
        if (moves.stream().anyMatch(m -> m.turn() == t && MEETS.contains(m.kind()))) {
            return true;
        }
        Set<String> words = Words.pairs(customer);
        if (Words.pairs(line).stream().anyMatch(words::contains)) {
            return true;
        }
        // "那价钱怎么算?" is taken up by "按原价出票,不多收钱": two words of the question in the answer.
        Set<Integer> chars = content(customer);
        return content(line).stream().filter(chars::contains).count() >= SHARED_CHARS;
    }

    /** The line's Chinese characters that carry meaning. */
    private static Set<Integer> content(String text) {
        Set<Integer> out = new HashSet<>();
        text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                .filter(c -> FUNCTION_CHARS.indexOf(c) < 0).forEach(out::add);
        return out;
    }
}
