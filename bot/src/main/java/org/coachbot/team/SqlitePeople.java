package org.coachbot.team;


import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link People} in the {@code person} table. */
public final class SqlitePeople implements People {
    /** A person seen again within this long with the same name is not written again: one row write per chat. */
    static final long SEEN_WRITE_EVERY_MS = 10 * 60_000L;
    private final TeamDatabase db;
    /** What was last written per person, so a chatty trainee does not cost a write per message. */
    private final Map<Long, Seen> written = new ConcurrentHashMap<>();

    private record Seen(String name, String username, boolean privately, long at) {
    }

    public SqlitePeople(TeamDatabase db) {
        this.db = db;
    }

    @Override
    public void saw(long id, String name, String username, boolean privately, Instant now) {
        Seen last = written.get(id);
        long at = now.toEpochMilli();
        if (last != null && last.name().equals(name) && last.username().equals(username)
                && (last.privately() || !privately) && at - last.at() < SEEN_WRITE_EVERY_MS) {
            return;
        }
        db.read("remember user " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO person (user_id, name, username, first_seen, "
                    + "last_seen, private_chat) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
                    + "name = excluded.name, username = excluded.username, "
                    + "last_seen = MAX(last_seen, excluded.last_seen), "
                    + "private_chat = MAX(private_chat, excluded.private_chat)")) {
                ps.setLong(1, id);
                ps.setString(2, name);
                ps.setString(3, username);
                ps.setLong(4, at);
                ps.setLong(5, at);
                ps.setInt(6, privately ? 1 : 0);
                return ps.executeUpdate();
            }
        });
        written.put(id, new Seen(name, username, privately || (last != null && last.privately()), at));
    }

    @Override
    public Optional<Person> find(long id) {
        return one("SELECT * FROM person WHERE user_id = ?", id);
    }

    @Override
    public Optional<Person> byUsername(String username) {
        String u = username.startsWith("@") ? username.substring(1) : username;
        if (u.isBlank()) {
            return Optional.empty();
        }
        return one("SELECT * FROM person WHERE username = ? COLLATE NOCASE ORDER BY last_seen DESC LIMIT 1", u);
    }

    @Override
    public List<Person> recent(int offset, int limit, Set<Long> except) {
        return db.read("list people", c -> {
            List<Person> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM person ORDER BY last_seen DESC, user_id");
                 ResultSet rs = ps.executeQuery()) {
                int skipped = 0;
                while (rs.next() && out.size() < limit) {
                    Person p = person(rs);
                    if (except.contains(p.id())) {
                        continue;
                    }
                    if (skipped++ >= offset) {
                        out.add(p);
                    }
                }
            }
            return out;
        });
    }

    @Override
    public int count(Set<Long> except) {
        return db.read("count people", c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM person");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n += except.contains(rs.getLong(1)) ? 0 : 1;
                }
            }
            return n;
        });
    }

    @Override
    public Map<Long, Person> all() {
        return db.read("list people", c -> {
            Map<Long, Person> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM person ORDER BY user_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Person p = person(rs);
                    out.put(p.id(), p);
                }
            }
            return out;
        });
    }

    @Override
    public void remind(long id, LocalTime at, ZoneId zone, Instant next) {
        update("turn reminders on for user " + id, "UPDATE person SET remind_at = ?, time_zone = ?, next_reminder = ? "
                + "WHERE user_id = ?", at.toString(), zone == null ? null : zone.getId(), next.toEpochMilli(), id);
    }

    @Override
    public void stopReminders(long id) {
        update("turn reminders off for user " + id,
                "UPDATE person SET remind_at = NULL, next_reminder = NULL WHERE user_id = ?", id);
    }

    @Override
    public List<Person> dueReminders(Instant now) {
        return db.read("find due reminders", c -> {
            List<Person> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM person WHERE next_reminder IS NOT NULL "
                    + "AND next_reminder <= ? ORDER BY next_reminder")) {
                ps.setLong(1, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(person(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean claimReminder(long id, Instant due, Instant next) {
        return update("move the reminder of user " + id, "UPDATE person SET next_reminder = ? WHERE user_id = ? "
                + "AND next_reminder = ?", next.toEpochMilli(), id, due.toEpochMilli()) == 1;
    }

    private int update(String what, String sql, Object... args) {
        return db.read(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    private Optional<Person> one(String sql, Object arg) {
        return db.read("find a person", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, arg);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(person(rs)) : Optional.empty();
                }
            }
        });
    }

    private static Person person(ResultSet rs) throws SQLException {
        String zone = rs.getString("time_zone");
        String remindAt = rs.getString("remind_at");
        long next = rs.getLong("next_reminder");
        boolean reminding = !rs.wasNull() && remindAt != null;
        return new Person(rs.getLong("user_id"), rs.getString("name"), rs.getString("username"),
                Instant.ofEpochMilli(rs.getLong("last_seen")), zone == null ? null : ZoneId.of(zone),
                reminding ? LocalTime.parse(remindAt) : null, reminding ? Instant.ofEpochMilli(next) : null,
                rs.getInt("private_chat") != 0);
    }
}
