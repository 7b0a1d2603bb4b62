package org.coachbot.tips;

import org.coachbot.text.Texts;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What kind of answer a question asks for, which decides the shape of the first message: the items of a list, a
 * definition, yes or no with the reason, or what to do and a line to say. Read from the agent's own part of the
 * question: in "客户问能不能退款,我怎么回" the customer's "能不能" does not make it a yes/no question.
 */
enum QuestionForm {
    /** 哪些 / 几个 / 包括: the items themselves. */
    LIST,
    /** 是什么 / 什么意思: the definition. */
    WHAT,
    /** 能不能 / 可以…吗: yes or no, with the reason. */
    YES_NO,
    /** 怎么说 / 第一句说什么: the lines to say, then what to do. */
    SAY,
    /** 怎么办, or a situation described: what to do and a line to say now. */
    HOW;

    private static final Map<QuestionForm, Pattern> CUES = new EnumMap<>(QuestionForm.class);
    /** Words that introduce what someone else said; the agent's question starts after the quote ends. */
    private static final Pattern REPORTED = Pattern.compile(Texts.of("tips").get("form.reported"));

    static {
        Texts texts = Texts.of("tips");
        for (QuestionForm f : values()) {
            CUES.put(f, Pattern.compile(texts.get("form." + f.name().toLowerCase(Locale.ROOT))));
        }
    }

    /** The form of a normalised question; {@link #HOW} when nothing says otherwise. */
    static QuestionForm of(String normalizedQuestion) {
        String own = ownPart(normalizedQuestion);
        for (QuestionForm f : new QuestionForm[]{LIST, YES_NO, SAY, WHAT}) {
            if (CUES.get(f).matcher(own).find()) {
                // "能不能挂电话,怎么说比较好" asks how; a yes/no cue followed by 怎么 is a request for a way.
                if (f == YES_NO && CUES.get(HOW).matcher(own.substring(lastMatchEnd(CUES.get(f), own))).find()) {
                    return HOW;
                }
                return f;
            }
        }
        return HOW;
    }

    /**
     * The part of the question that is the agent's own: after the last clause that reports what a customer said
     * ("客户说……"), or the whole question when it reports nothing or nothing follows the report.
     */
    static String ownPart(String question) {
        var m = REPORTED.matcher(question);
        int cut = -1;
        while (m.find()) {
            int end = clauseEnd(question, m.end());
            if (end < question.length()) {
                cut = end;
            }
        }
        return cut < 0 ? question : question.substring(cut);
    }

    private static int clauseEnd(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (",,。!?!?;; ".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static int lastMatchEnd(Pattern p, String s) {
        var m = p.matcher(s);
        int end = 0;
        while (m.find()) {
            end = m.end();
        }
        return end;
    }
}
