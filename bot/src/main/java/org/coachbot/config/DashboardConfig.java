package org.coachbot.config;

import org.coachbot.dashboard.DashboardSettings;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static org.coachbot.config.SettingType.duration;
import static org.coachbot.config.SettingType.integer;
import static org.coachbot.config.SettingType.optional;
import static org.coachbot.config.SettingType.url;

/** The {@code dashboard:} settings: the team dashboard, a Telegram Mini App the bot serves itself. */
public final class DashboardConfig {
    static final SettingGroup GROUP = new SettingGroup("dashboard");

    public static final Setting<Optional<URI>> URL = GROUP.setting("url", optional(url()), Optional.empty())
            .env("WEBAPP_URL")
            .help("Public HTTPS address of the team dashboard, e.g. https://bot.example.com/dashboard/ behind the"
                    + " same reverse proxy as the webhook; empty: no dashboard on Telegram. Supervisors and admins"
                    + " open it from the chat's menu button (团队看板) or the button under /team.");

    public static final Setting<Integer> PORT = GROUP.setting("port", integer(1, 65535), DashboardSettings.DEFAULT_PORT)
            .env("WEBAPP_PORT")
            .help("Local port the dashboard listens on; the proxy forwards the address above to it. The console"
                    + " serves the dashboard on 127.0.0.1 at this port (or any free one) and prints a one-time link"
                    + " at start.");

    public static final Setting<Duration> MAX_INIT_DATA_AGE = GROUP.setting("init_data_max_age_hours",
                    duration(ChronoUnit.HOURS, 1, 24 * 7), DashboardSettings.DEFAULT_MAX_INIT_DATA_AGE)
            .help("Hours a Mini App's signed sign-in (initData, signed by Telegram when the dashboard opens) stays"
                    + " valid.");

    private DashboardConfig() {
    }

    /** The dashboard settings together: its address must be HTTPS without a query, its port not the webhook's. */
    static DashboardSettings settings(BotConfig config) {
        Optional<URI> url = config.get(URL);
        if (url.isPresent() && (!"https".equals(url.get().getScheme()) || url.get().getRawQuery() != null
                || url.get().getRawFragment() != null)) {
            throw new ConfigException(config.nameOf(URL), url.get().toString(),
                    "an https:// address without query, e.g. https://bot.example.com/dashboard (Telegram opens Mini"
                            + " Apps over HTTPS only)");
        }
        int port = config.get(PORT);
        if (url.isPresent() && config.get(TelegramConfig.WEBHOOK_URL).isPresent()
                && port == config.get(TelegramConfig.WEBHOOK_PORT)) {
            throw new ConfigException(config.nameOf(PORT), Integer.toString(port),
                    "a port other than the webhook's (" + config.nameOf(TelegramConfig.WEBHOOK_PORT) + ")");
        }
        return new DashboardSettings(url, port, config.get(MAX_INIT_DATA_AGE));
    }
}
