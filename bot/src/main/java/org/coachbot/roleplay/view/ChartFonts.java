package org.coachbot.roleplay.view;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.AWTError;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Picks a font that can draw the charts' Chinese labels. The jar ships a subset of Noto Sans CJK SC (SIL OFL,
 * {@code fonts/OFL.txt}) that is registered at start, so a server with no CJK font draws them too; Java's logical
 * fonts often map to a Latin font there, which draws Chinese as boxes, so families are checked with
 * {@link Font#canDisplayUpTo}.
 */
public final class ChartFonts {
    /** The bundled font: GB 2312's symbols and 3,755 level-1 characters, Latin, and every character of the UI texts. */
    static final String BUNDLED = "/fonts/NotoSansSC-Subset.otf";
    /** Known CJK families, best looking first; any other family that can draw the text is used after these. */
    private static final List<String> PREFERRED = List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", "AR PL UMing CN", "Microsoft YaHei",
            "PingFang SC", "SimHei");
    /** The characters the charts usually show: the six dimension names and the chart titles. */
    private static final String SAMPLE = "礼貌与规范用语同理心积极语言解决问题与承诺提问与倾听情绪掌控与担当能力雷达图总分趋势本次之前平均";
    private static final Logger log = LoggerFactory.getLogger(ChartFonts.class);
    private static volatile String standard;
    private static volatile Optional<String> bundled;

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

    /**
     * Registers the bundled font with Java's graphics environment, once; returns its family, or empty when it
     * cannot be loaded (then an installed CJK font is needed).
     */
    public static synchronized Optional<String> registerBundled() {
        if (bundled == null) {
            bundled = loadBundled();
        }
        return bundled;
    }

    private static Optional<String> loadBundled() {
        try (InputStream in = ChartFonts.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                log.warn("the bundled chart font {} is missing from the jar", BUNDLED);
                return Optional.empty();
            }
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            // False when a font of that name is installed already: that one is the full font, and just as good.
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return Optional.of(font.getFamily());
        } catch (IOException | FontFormatException | RuntimeException | AWTError e) {
            log.warn("cannot load the bundled chart font {}", BUNDLED, e);
            return Optional.empty();
        }
    }

    /** Chosen once: the fonts do not change while the bot runs. */
    private static String standard() {
        String chosen = standard;
        if (chosen == null) {
            registerBundled();
            chosen = find(SAMPLE).orElseGet(() -> {
                log.warn("no font can display Chinese chart labels and the bundled one did not load; install a "
                        + "CJK font, e.g. apt-get install fonts-noto-cjk");
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
