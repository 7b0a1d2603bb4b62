package org.coachbot.tips;

import org.coachbot.chat.Html;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.Paragraph;
import org.coachbot.knowledge.Section;
import org.coachbot.safety.Danger;
import org.coachbot.safety.DangerSignals;
import org.coachbot.text.Texts;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first message for a caller in danger: the kind's first steps in order with the numbers to call, a line to
 * say now and the source, taken from its section in the knowledge (the file {@code safety-calls.md}); when an
 * admin removed the section, the steps from the bot's own texts, so the agent is never left without them.
 */
final class SafetyTip {
    /** The knowledge file that holds one section per kind of danger. */
    static final String FILE = DangerSignals.STEPS_FILE;
    private static final Pattern LINE = Pattern.compile("可以这样说[::]\\s*[\"“「]([^\"”」]+)[\"”」]");

    private final Texts texts;
    private final TipComposer composer;

    SafetyTip(Texts texts, TipComposer composer) {
        this.texts = texts;
        this.composer = composer;
    }

    /** The section with the steps for a danger, if the knowledge has it. */
    static Optional<Section> section(KnowledgeBase kb, String title) {
        return kb.section(Section.idOf(FILE, title));
    }

    /** The first message for a danger, at most the composer's limit. */
    String glance(Danger danger, Optional<Section> section) {
        if (section.isEmpty()) {
            return Html.bold(texts.get("safety.title." + danger.key())) + "\n"
                    + Html.escape(texts.get("safety.steps." + danger.key())) + "\n"
                    + Html.italic(texts.get("safety.note"));
        }
        Section s = section.get();
        List<Paragraph> paragraphs = s.paragraphs();
        String steps = paragraphs.isEmpty() ? "" : paragraphs.get(0).text();
        Optional<String> line = paragraphs.stream().map(p -> LINE.matcher(p.text())).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst();
        String head = Html.bold(texts.get("safety.mark") + s.title()) + "\n" + Html.escape(steps);
        String tail = "\n" + composer.source(s) + texts.get("tip.source.editorial");
        String note = "\n" + Html.italic(texts.get("safety.note"));
        String say = line.map(l -> "\n" + Html.bold(texts.get("tip.say.label")) + Html.escape(texts.get("tip.say", l)))
                .orElse("");
        for (String candidate : List.of(head + say + tail + note, head + say + tail, head + tail)) {
            if (Html.toPlain(candidate).length() <= composer.maxChars()) {
                return candidate;
            }
        }
        return head;
    }
}
