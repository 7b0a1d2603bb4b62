package org.coachbot.roleplay.scoring;

import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.Utterance;
import org.coachbot.roleplay.scenario.CallChecks;
import org.coachbot.roleplay.scenario.Fact;
import org.coachbot.roleplay.scenario.RemedyBeat;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.TextNormalizer;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds facts the trainee stated against what the scenario's fact sheet or the customer gave: a clock time, an amount
 * of money or a flight number ("您的飞机早上八点起飞" when the flight leaves at 零点五十). A value is checked only when
 * its sentence speaks of something the known text gives a value of that kind for (two characters in common with
 * such a sentence), so "早餐六点半开始", of which no fact sheet speaks, is left alone. A time the agent commits to
 * ("十分钟内给您回电") is a promise and a question asks rather than states, so neither is checked.
 */
final class InventedFacts {
    private static final String NUMERAL = "[0-9]{1,2}|[零〇一二两三四五六七八九十]{1,3}";
    /** A clock time: "八点", "零点五十", "6:30", "六点半". */
    private static final Pattern TIME = Pattern.compile("(" + NUMERAL + ")(?:点|:)(半|一刻|三刻|"
            + "[0-9]{2}|[零〇一二三四五六七八九十]{1,3}(?!点|个|天|块|元))?");
    /**
     * What makes "X点" a time of day when no minutes follow: a part of the day before it or 钟/整 after it;
     * otherwise "一点" is "a little" ("能看到一点东西") and "三点" may be three points.
     */
    private static final Pattern DAY_PART = Pattern.compile("(早上|上午|中午|下午|晚上|凌晨|今天|明天|后天|今晚|明早|夜里|半夜|深夜|零点)$");
    /** An amount of money: "八十三元", "120块"; not "哪一块" or "这块". */
    private static final Pattern MONEY = Pattern.compile("(?<![哪这那每同])([0-9]+(?:\\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+)(?:元|块)");
    /** A flight or train number: "MU5137", "G1234". */
    private static final Pattern CODE = Pattern.compile("(?<![a-z0-9])([a-z]{1,2}[0-9]{3,4})(?![0-9])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE = Pattern.compile("[。!?;!?;…\\n]+");
    private static final Pattern CLAUSE = Pattern.compile("[,,、]+");
    private static final Pattern ASKS = Pattern.compile("[??]|吗$|呢$|是不是|有没有|几点|多少");
    private final CallChecks checks;

    InventedFacts(CallChecks checks) {
        this.checks = checks;
    }

    /** Each trainee line that states a made-up fact, with the fact, in call order; a line is named once. */
    Map<String, String> find(Scenario scenario, Session session) {
        Known known = new Known();
        known.add(String.join("\n", scenario.briefing(), scenario.background(), scenario.hidden(), scenario.goal()));
        for (Fact f : scenario.facts()) {
            f.told().forEach(known::add);
        }
        for (RemedyBeat b : scenario.remedy()) {
            known.add(b.label());
            b.examples().forEach(known::add);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Utterance u : session.transcript()) {
            if (u.speaker() == Utterance.Speaker.CUSTOMER) {
                known.add(u.text());
                continue;
            }
            String fact = invented(known, TextNormalizer.normalize(u.text()));
            if (fact != null) {
                out.putIfAbsent(u.text(), fact);
            }
        }
        return out;
    }

    /** The first value the line states against what is known, or null. */
    private String invented(Known known, String line) {
        for (String sentence : SENTENCE.split(line)) {
            Set<String> topic = Words.pairs(sentence);
            boolean committing = false;
            for (String clause : CLAUSE.split(sentence)) {
                // A commitment runs on into the next clause: "我帮您约专人,明天上午十点".
                boolean after = committing;
                committing = checks.commitment().matcher(clause).find();
                if (clause.isBlank() || after || committing || ASKS.matcher(clause).find()) {
                    continue;
                }
                String fact = known.against(clause, topic);
                if (fact != null) {
                    return fact;
                }
            }
        }
        return null;
    }

    /** The times, amounts and codes of the fact sheet and of what the customer said, and what they are about. */
    private static final class Known {
        private final Set<Integer> minutes = new HashSet<>();
        private final Set<Long> amounts = new HashSet<>();
        private final Set<String> codes = new HashSet<>();
        private final Set<String> timeTopics = new HashSet<>();
        private final Set<String> moneyTopics = new HashSet<>();

        void add(String text) {
            for (String sentence : SENTENCE.split(TextNormalizer.normalize(text))) {
                Matcher m = TIME.matcher(sentence);
                while (m.find()) {
                    // What is known is read generously: a bare "十点" there still makes "上午十点" known.
                    Integer at = minuteOfHalfDay(sentence, m, false);
                    if (at != null) {
                        minutes.add(at);
                        timeTopics.addAll(Words.pairs(sentence));
                    }
                }
                m = MONEY.matcher(sentence);
                while (m.find()) {
                    amounts.add(number(m.group(1)));
                    moneyTopics.addAll(Words.pairs(sentence));
                }
                m = CODE.matcher(sentence);
                while (m.find()) {
                    codes.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }

        /** The first time, amount or code of the clause that goes against what is known about its topic, or null. */
        String against(String clause, Set<String> topic) {
            Matcher m = TIME.matcher(clause);
            while (m.find()) {
                Integer at = minuteOfHalfDay(clause, m, true);
                if (at != null && !minutes.contains(at) && topic.stream().anyMatch(timeTopics::contains)) {
                    return m.group();
                }
            }
            m = MONEY.matcher(clause);
            while (m.find()) {
                if (!amounts.contains(number(m.group(1))) && topic.stream().anyMatch(moneyTopics::contains)) {
                    return m.group();
                }
            }
            m = CODE.matcher(clause);
            while (m.find()) {
                if (!codes.isEmpty() && !codes.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                    return m.group();
                }
            }
            return null;
        }
    }

    /** Minutes past twelve (so "晚上八点" and "20:00" agree), or null when "X点" is not plainly a time of day. */
    private static Integer minuteOfHalfDay(String text, Matcher m, boolean strict) {
        String hour = m.group(1);
        boolean bare = m.group(2) == null && !m.group().contains(":");
        boolean clock = m.end() < text.length() && "钟整".indexOf(text.charAt(m.end())) >= 0;
        if (strict && bare && !clock && !DAY_PART.matcher(text.substring(Math.max(0, m.start() - 4), m.start())).find()) {
            return null;
        }
        int h = (int) number(hour);
        if (h > 24) {
            return null;
        }
        String minute = m.group(2);
        int min = minute == null ? 0 : switch (minute) {
            case "半" -> 30;
            case "一刻" -> 15;
            case "三刻" -> 45;
            default -> (int) number(minute);
        };
        return (h % 12) * 60 + min;
    }

    /** The value of Arabic digits or a Chinese numeral up to the ten thousands ("一百一十九", "两千"). */
    static long number(String digits) {
        if (digits.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            return Math.round(Double.parseDouble(digits));
        }
        long total = 0;
        long section = 0;
        long digit = 0;
        for (char c : digits.toCharArray()) {
            int d = "零一二三四五六七八九".indexOf(c);
            if (c == '〇') {
                d = 0;
            } else if (c == '两') {
                d = 2;
            }
            if (d >= 0) {
                digit = d;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万' -> 10000;
                default -> 1;
            };
            if (unit == 10000) {
                total = (section + digit) * unit;
                section = 0;
            } else {
                section += (digit == 0 && unit == 10 ? 1 : digit) * unit;
            }
            digit = 0;
        }
        return total + section + digit;
    }
}
