package org.coachbot.dashboard;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the team dashboard is served and how old the Telegram sign-in it accepts may be.
 *
 * @param url           the public HTTPS address Telegram opens (WEBAPP_URL), behind the reverse proxy that also
 *                      serves the webhook; empty: no dashboard in Telegram mode (the console serves one on
 *                      localhost regardless)
 * @param port          the local port the dashboard listens on (WEBAPP_PORT)
 * @param maxInitDataAge the oldest {@code auth_date} accepted: Telegram signs {@code initData} when the Mini App
 *                      opens, so this bounds how long a copied {@code initData} stays usable
 */
public record DashboardSettings(Optional<URI> url, int port, Duration maxInitDataAge) {
    /** Next to the webhook's 8080 and the self-hosted Bot API's 8081, so all three fit one proxy. */
    public static final int DEFAULT_PORT = 8090;
    /** Telegram's documentation suggests checking the age; a working day's session fits in one day. */
    public static final Duration DEFAULT_MAX_INIT_DATA_AGE = Duration.ofDays(1);

    public DashboardSettings {
        Objects.requireNonNull(url, "url must not be null (use Optional.empty())");
        Objects.requireNonNull(maxInitDataAge, "maxInitDataAge must not be null");
        url.ifPresent(u -> {
            if (!"https".equals(u.getScheme())) {
                throw new IllegalArgumentException("url must be https: Telegram opens Mini Apps over HTTPS only");
            }
        });
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within 0..65535 (0 takes any free port)");
        }
        if (maxInitDataAge.isNegative() || maxInitDataAge.isZero()) {
            throw new IllegalArgumentException("maxInitDataAge must be > 0");
        }
    }

    /** No public address, the default port and age. */
    public static DashboardSettings defaults() {
        return new DashboardSettings(Optional.empty(), DEFAULT_PORT, DEFAULT_MAX_INIT_DATA_AGE);
    }

    /** The path the dashboard is served under: the public address's path, ending with a slash. */
    public String path() {
        String path = url.map(URI::getRawPath).orElse("");
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.endsWith("/") ? path : path + "/";
    }

    /** The address Telegram opens, ending with a slash so the page's relative links stay under it. */
    public Optional<String> pageUrl() {
        return url.map(u -> u.getScheme() + "://" + u.getRawAuthority() + path());
    }
}
