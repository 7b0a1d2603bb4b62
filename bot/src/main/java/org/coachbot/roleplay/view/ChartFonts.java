package org.coachbot.roleplay.view;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Optional;

/**
 * Picks an installed font that can draw the charts' Chinese labels. Java's logical fonts often map to a Latin
 * font on servers, which draws Chinese as boxes, so families are checked with {@link Font#canDisplayUpTo}.
 */
public final class ChartFonts {
    /** Known CJK families, best looking first; any other family that can draw the text is used after these. */
    private static final List<String> PREFERRED = List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", "AR PL UMing CN", "Microsoft YaHei",
            "PingFang SC", "SimHei");
    /** The characters the charts usually show: the six dimension names and the chart titles. */
    private static final String SAMPLE = "礼貌与规范用语同理心积极语言解决问题与承诺提问与倾听情绪掌控与担当能力雷达图总分趋势本次之前平均";
    private static final Logger log = LoggerFactory.getLogger(ChartFonts.class);
    private static volatile String standard;

    private ChartFonts() {
    }

    /**
     * A family that displays every character of {@code text}: the one chosen for the usual labels, or another
     * installed family when a label has characters it lacks; the logical SansSerif font when none can.
     */
    public static String family(String text) {
        String chosen = standard();
        if (canDisplay(chosen, text)) {
            return chosen;
        }
        return find(text).orElse(chosen);
    }

    /** Chosen once: the installed fonts do not change while the bot runs. */
    private static String standard() {
        String chosen = standard;
        if (chosen == null) {
            chosen = find(SAMPLE).orElseGet(() -> {
                log.warn("no installed font can display Chinese chart labels; install a CJK font, e.g. "
                        + "apt-get install fonts-noto-cjk (or fonts-wqy-microhei)");
                return Font.SANS_SERIF;
            });
            standard = chosen;
        }
        return chosen;
    }

    private static Optional<String> find(String text) {
        List<String> installed = List.of(GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames());
        return PREFERRED.stream().filter(installed::contains).filter(f -> canDisplay(f, text)).findFirst()
                .or(() -> installed.stream().filter(f -> canDisplay(f, text)).findFirst());
    }

    private static boolean canDisplay(String family, String text) {
        return new Font(family, Font.PLAIN, 12).canDisplayUpTo(text) == -1;
    }
}
