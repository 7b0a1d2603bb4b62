package org.coachbot.dashboard;

import java.time.Instant;
import java.util.Objects;

/**
 * Who opened the dashboard, as Telegram signed it in the Mini App's {@code initData}; only ever built from
 * {@code initData} whose signature and age {@link InitDataVerifier} checked.
 *
 * @param name     first and last name as Telegram gave them
 * @param username the {@code @username} without the {@code @}, or empty
 * @param authDate when Telegram signed it
 */
public record InitData(long userId, String name, String username, Instant authDate) {
    public InitData {
        Objects.requireNonNull(name, "name must not be null");
        username = username == null ? "" : username;
        Objects.requireNonNull(authDate, "authDate must not be null");
    }
}
