package org.coachbot.roleplay.scoring;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words as the scorecard's checks compare them: pairs of adjacent Chinese characters, the commonest left out; and the
 * clauses a line is split into.
 */
final class Words {
    /** Two-character words too common to show that two lines speak of the same thing. */
    private static final Set<String> COMMON = Set.of("您的", "我们", "你们", "这个", "那个", "一下", "一个", "是不",
            "不是", "什么", "怎么", "可以", "现在", "已经", "没有", "还是", "就是", "这样", "那么", "给您", "帮您", "为您",
            "开始", "时间", "时候", "需要", "知道", "可能", "每天");

    /** What ends a clause of a spoken line. */
    private static final Pattern CLAUSE_ENDS = Pattern.compile("[,。!?;,!?;…]+");

    private Words() {
    }

    /** The clauses of a line, in order. */
    static String[] clauses(String text) {
        return CLAUSE_ENDS.split(text);
    }

    /** The text's pairs of adjacent Chinese characters, common ones left out. */
    static Set<String> pairs(String text) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 <= text.length(); i++) {
            String pair = text.substring(i, i + 2);
            if (Character.UnicodeScript.of(pair.codePointAt(0)) == Character.UnicodeScript.HAN
                    && Character.UnicodeScript.of(pair.codePointAt(1)) == Character.UnicodeScript.HAN
                    && !COMMON.contains(pair)) {
                out.add(pair);
            }
        }
        return out;
    }
}
