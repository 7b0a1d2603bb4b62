package org.coachbot.tips;

import org.coachbot.chat.Button;
import org.coachbot.knowledge.Section;
import org.coachbot.safety.Danger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The data of the buttons under a tip: {@code tip:<action>:<question id>:<section keys>}. The keys are the ranking
 * that is left, current section first, so 展开 and 换一个 still work after a restart; only the question's wording
 * lives in memory.
 */
final class TipButtons {
    static final String PREFIX = "tip:";
    /** Show the first section whole, in place of the glance. */
    static final char EXPAND = 'x';
    /** Show the glance of the first section, in place of the message the button was on. */
    static final char NEXT = 'n';
    /** Show the glance of the first section as a new message (the topics offered with a declined question). */
    static final char SHOW = 's';
    /** Tell the supervisors about a caller in danger: {@code tip:a:<question id>:<danger>}. */
    static final char ALERT = 'a';

    /** What a pressed button asks for. */
    record Press(char action, long questionId, List<String> keys) {
    }

    /** A press of 通知主管. */
    record Alert(long questionId, Danger danger) {
    }

    static Button alert(String label, long questionId, Danger danger) {
        return new Button(label, PREFIX + ALERT + ":" + questionId + ":" + danger.key());
    }

    /** Parses the data of 通知主管; empty for any other button. */
    static Optional<Alert> parseAlert(String data) {
        String[] parts = data.split(":", -1);
        if (parts.length != 4 || !data.startsWith(PREFIX + ALERT + ":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Alert(Long.parseLong(parts[2]), Danger.of(parts[3])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private TipButtons() {
    }

    static Button button(String label, char action, long questionId, List<Section> ranking) {
        List<String> keys = new ArrayList<>(ranking.stream().map(TipButtons::key).toList());
        String data = data(action, questionId, keys);
        // Telegram caps button data at 64 bytes; the tail of the ranking is what can go.
        while (data.getBytes(StandardCharsets.UTF_8).length > Button.MAX_DATA_BYTES && keys.size() > 1) {
            keys.remove(keys.size() - 1);
            data = data(action, questionId, keys);
        }
        return new Button(label, data);
    }

    /** Parses button data; empty when it is not a tip button this version understands. */
    static Optional<Press> parse(String data) {
        String[] parts = data.substring(Math.min(data.length(), PREFIX.length())).split(":", -1);
        if (!data.startsWith(PREFIX) || parts.length != 3 || parts[0].length() != 1 || parts[2].isEmpty()
                || parts[0].charAt(0) == ALERT) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Press(parts[0].charAt(0), Long.parseLong(parts[1]), List.of(parts[2].split(","))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Section ids can exceed Telegram's 64-byte button data, so buttons carry a short hash instead. */
    static String key(Section s) {
        return Integer.toHexString(s.id().hashCode());
    }

    private static String data(char action, long questionId, List<String> keys) {
        return PREFIX + action + ":" + questionId + ":" + String.join(",", keys);
    }
}
