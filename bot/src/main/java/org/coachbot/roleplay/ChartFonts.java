package org.coachbot.roleplay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks an installed font that can draw the chart's Chinese labels. Java's logical fonts often map to a Latin
 * font on servers, which draws Chinese as boxes, so the families are checked with {@link Font#canDisplayUpTo}.
 */
public final class ChartFonts {
    /** Known CJK families, best looking first; any other family that can draw the text is used after these. */
    private static final List<String> PREFERRED = List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", "AR PL UMing CN", "Microsoft YaHei",
            "PingFang SC", "SimHei");
    private static final Logger log = LoggerFactory.getLogger(ChartFonts.class);
    private static final Map<String, String> FAMILY_BY_TEXT = new ConcurrentHashMap<>();

    private ChartFonts() {
    }

    /** A font of the given style and size that displays every character of {@code text}, if one is installed. */
    public static Font forText(String text, int style, int size) {
        return new Font(family(text), style, size);
    }

    /** The first installed family that can display {@code text}; the logical SansSerif font when none can. */
    public static String family(String text) {
        return FAMILY_BY_TEXT.computeIfAbsent(text, ChartFonts::find);
    }

    private static String find(String text) {
        List<String> installed = List.of(GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames());
        for (String family : PREFERRED) {
            if (installed.contains(family) && canDisplay(family, text)) {
                return family;
            }
        }
        for (String family : installed) {
            if (canDisplay(family, text)) {
                return family;
            }
        }
        log.warn("no installed font can display the chart labels; install a CJK font, e.g. apt-get install "
                + "fonts-noto-cjk (or fonts-wqy-microhei)");
        return Font.SANS_SERIF;
    }

    private static boolean canDisplay(String family, String text) {
        return new Font(family, Font.PLAIN, 12).canDisplayUpTo(text) == -1;
    }
}
