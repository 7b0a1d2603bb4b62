package org.coachbot.tips;

import org.coachbot.knowledge.Section;
import org.coachbot.text.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question that asks for a number ("最多让客户等多久", "退款几天到账", "沉默型客户占多少比例") is answered only by a
 * section that gives a number of that kind: a time with its unit, a count of rings or times, an amount of money, a
 * share. When none of the sections retrieval ranks gives one, the material does not answer it, however close the
 * topic: the question is declined rather than answered with a neighbouring technique. Read from the agent's own part
 * of the question, so a customer's "几天能到" quoted before "我怎么回" does not count, and "等了几天了" describes a
 * situation rather than asking.
 */
final class AskedNumber {
    /** A numeral as the material writes it, in figures or in words. */
    private static final String NUMERAL = "[0-9０-９一二两三四五六七八九十百千万半]";
    private static final List<Kind> KINDS = kinds(Texts.of("tips"));

    /** One kind of number: how a question asks for it, and how a section gives it. */
    private record Kind(Pattern asked, String units) {
    }

    private AskedNumber() {
    }

    /**
     * Whether the question asks for a number that none of {@code sections} gives; false when it asks for none.
     *
     * @param ownPart the agent's own part of the normalised question (see {@link QuestionForm#ownPart})
     */
    static boolean unanswered(String ownPart, List<Section> sections) {
        return held(ownPart).map(given -> sections.stream()
                .noneMatch(s -> given.matcher(s.title() + "\n" + s.prose()).find())).orElse(false);
    }

    /** What a section must hold to answer the question: a numeral followed by the unit asked for. */
    static Optional<Pattern> held(String ownPart) {
        for (Kind k : KINDS) {
            Matcher m = k.asked().matcher(ownPart);
            if (m.find()) {
                String unit = m.groupCount() >= 1 && m.group(1) != null ? Pattern.quote(m.group(1)) : k.units();
                return Optional.of(Pattern.compile(NUMERAL + "个?(" + unit + ")"));
            }
        }
        return Optional.empty();
    }

    private static List<Kind> kinds(Texts texts) {
        List<Kind> out = new ArrayList<>();
        for (String key : new String[]{"unit", "time", "money", "share"}) {
            out.add(new Kind(Pattern.compile(texts.get("number.asked." + key)), texts.get("number.held." + key)));
        }
        return out;
    }
}
