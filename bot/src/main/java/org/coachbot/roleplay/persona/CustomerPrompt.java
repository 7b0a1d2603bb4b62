package org.coachbot.roleplay.persona;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import org.coachbot.roleplay.engine.CallState;
import org.coachbot.roleplay.engine.Cue;
import org.coachbot.roleplay.engine.MoodRules;
import org.coachbot.roleplay.engine.Remembered;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.TurnContext;
import org.coachbot.roleplay.engine.Utterance;
import org.coachbot.roleplay.scenario.Fact;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.RemedyBeat;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.text.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the messages for the language-model customer and tidies its answer. The scenario and the customer's
 * state go into the system message; the trainee's words only ever go into user messages, so nothing a trainee
 * types can pose as an instruction.
 */
final class CustomerPrompt {
    /** Enough turns for the model to stay consistent, few enough to keep the request small. */
    static final int MEMORY_MESSAGES = 24;
    /** A real customer's answer fits in one breath; longer answers are cut at a sentence end. */
    static final int MAX_REPLY_CHARS = 120;
    private static final int MAX_SENTENCES = 2;
    private static final Pattern SPEAKER_PREFIX = Pattern.compile("^\\s*(客户|顾客|客人|customer)\\s*[::]\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。!?!?…])");
    private final Texts texts;

    CustomerPrompt(Texts texts) {
        this.texts = texts;
    }

    /** System message, then the transcript as the chat memory of this session. */
    List<ChatMessage> messages(TurnContext turn) {
        Session session = turn.session();
        MessageWindowChatMemory memory = MessageWindowChatMemory.builder()
                .id(session.userId() + ":" + session.chatId())
                .maxMessages(MEMORY_MESSAGES)
                .build();
        memory.add(SystemMessage.from(system(turn)));
        for (Utterance u : session.transcript()) {
            boolean trainee = u.speaker() == Utterance.Speaker.TRAINEE;
            memory.add(trainee ? UserMessage.from(u.text()) : AiMessage.from(u.text()));
        }
        return memory.messages();
    }

    String system(TurnContext turn) {
        Scenario s = turn.scenario();
        Session session = turn.session();
        String detected = labels(MoodRules.kinds(turn.detected()).stream().toList());
        String prompt = texts.get("llm.system", s.title(), s.customerType(), s.background().strip(), s.goal(),
                String.join("、", s.persona()), session.mood(), texts.get("mood." + session.mood()),
                detected.isEmpty() ? texts.get("llm.moves.none") : detected,
                changes(s.calms()), changes(s.inflames()));
        prompt += "\n\n" + texts.get("llm.facts", facts(s), s.hidden());
        prompt += "\n" + texts.get("llm.remedy", beats(s, session.call(), true), beats(s, session.call(), false));
        if (s.silent() && !session.drawnOut()) {
            prompt += "\n" + texts.get("llm.silent");
        }
        String memory = memory(s, session);
        if (!memory.isEmpty()) {
            prompt += "\n" + texts.get("llm.memory", memory);
        }
        prompt += "\n" + texts.get("llm.moment." + turn.moment().name().toLowerCase(Locale.ROOT));
        String cue = cue(turn.plan().first());
        if (!cue.isEmpty()) {
            prompt += "\n" + cue;
        }
        return prompt;
    }

    /** What the customer remembers of the call: what they told, what the agent promised, refused or gave. */
    private String memory(Scenario s, Session session) {
        List<String> items = new ArrayList<>();
        List<String> told = s.facts().stream().filter(f -> session.call().facts().contains(f.id()))
                .map(Fact::fact).toList();
        if (!told.isEmpty()) {
            items.add(texts.get("llm.memory.told", String.join(";", told)));
        }
        for (Remembered deed : session.call().memory()) {
            items.add(texts.get("llm.memory." + deed.recall().key(), deed.turn(), deed.detail()));
        }
        return String.join(";", items);
    }

    /** What this turn's line must do, when the plan asks for more than reacting in the mood. */
    private String cue(Cue first) {
        if (first instanceof Cue.Answer a) {
            List<String> asked = a.facts().stream().map(Fact::fact).toList();
            String key = a.told().isEmpty() ? "llm.asked" : "llm.asked.again";
            String out = texts.get(key, String.join(";", asked));
            return a.alsoUnknown() ? out + "\n" + texts.get("llm.dont.know.also") : out;
        }
        if (first instanceof Cue.DontKnow) {
            return texts.get("llm.dont.know");
        }
        if (first instanceof Cue.Recalled r) {
            return texts.get("llm.recall." + r.deed().recall().key(), r.deed().detail());
        }
        if (first instanceof Cue.Echo e) {
            return texts.get("llm.echo." + e.key(), e.value());
        }
        if (first instanceof Cue.Settle) {
            return texts.get("llm.settle");
        }
        if (first instanceof Cue.React r && r.move() == MoveKind.CLOSING) {
            return texts.get("llm.goodbye.early");
        }
        if (first instanceof Cue.React r && r.move().bad() && r.move() != MoveKind.OVER_PROMISE) {
            // The offence may be the customer's hearing alone, which the moves listed above do not show.
            return texts.get("llm.bristle", texts.get("move." + r.move().key()));
        }
        return "";
    }

    private static String facts(Scenario s) {
        return String.join(";", s.facts().stream().map(Fact::fact).toList());
    }

    private String beats(Scenario s, CallState call, boolean done) {
        List<String> labels = s.remedy().stream().filter(b -> call.beats().contains(b.id()) == done)
                .map(RemedyBeat::label).toList();
        return labels.isEmpty() ? texts.get("llm.moves.none") : String.join(";", labels);
    }

    /** Strips a speaker prefix and quotes, keeps at most two sentences and {@link #MAX_REPLY_CHARS}. */
    static String tidy(String raw) {
        String text = SPEAKER_PREFIX.matcher(raw.strip()).replaceFirst("").strip();
        text = text.replaceAll("^[\"“「『']+|[\"”」』']+$", "").strip();
        StringBuilder out = new StringBuilder();
        String[] sentences = SENTENCE_END.split(text.replace('\n', ' '));
        for (int i = 0; i < sentences.length && i < MAX_SENTENCES; i++) {
            out.append(sentences[i]);
        }
        String kept = out.toString().strip();
        return kept.length() <= MAX_REPLY_CHARS ? kept : kept.substring(0, MAX_REPLY_CHARS) + "…";
    }

    private String changes(Map<MoveKind, Integer> changes) {
        return changes.isEmpty() ? texts.get("llm.moves.none")
                : labels(changes.keySet().stream().sorted().toList());
    }

    private String labels(List<MoveKind> kinds) {
        return String.join("、", kinds.stream().map(k -> texts.get("move." + k.key())).toList());
    }
}
