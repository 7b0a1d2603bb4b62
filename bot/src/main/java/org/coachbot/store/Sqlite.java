package org.coachbot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The bot's one SQLite file in the data folder and its schema. Each feature that keeps rows there (sessions,
 * delivery, usage, team) opens its own connection with {@link #open} and brings its own tables up to date with
 * {@link #migrate}, under a component name of its own, so features evolve their tables independently.
 */
public final class Sqlite {
    public static final String FILE_NAME = "roleplay.db";
    /** Long enough to wait out another connection's write transaction, short enough to report a stuck file. */
    static final int BUSY_TIMEOUT_MS = 5000;

    private Sqlite() {
    }

    /**
     * Opens a connection to {@code DATA_DIR/roleplay.db} in WAL mode, creating the file if it does not exist.
     *
     * @throws StoreException when the file cannot be opened, is empty or is not a SQLite database
     */
    public static Connection open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(file) && Files.size(file) == 0) {
                // SQLite would treat it as a new database and the bot would start with no history at all.
                throw new StoreException(file + " is empty (0 bytes): restore it from a backup, or delete it to "
                        + "start with an empty database");
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                st.execute("PRAGMA journal_mode = WAL");
                // NORMAL is durable across a crash of the bot; only a power cut can lose the last commit in WAL mode.
                st.execute("PRAGMA synchronous = NORMAL");
                st.execute("PRAGMA foreign_keys = ON");
                try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                    String result = rs.next() ? rs.getString(1) : "no answer";
                    if (!"ok".equalsIgnoreCase(result)) {
                        throw new SQLException("integrity check failed: " + result);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            return c;
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage()
                    + " (restore the file from a backup, or move it away to start with an empty database)", e);
        }
    }

    /** What a feature does with a freshly opened connection: bring its tables up to date, read what it needs. */
    @FunctionalInterface
    public interface Setup<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Opens the file as {@link #open(Path)} does and hands the connection to {@code setup}; when the setup fails the
     * connection is closed and the failure reported as a {@link StoreException} naming {@code what} and the file.
     */
    public static <T> T open(Path dataDir, String what, Setup<T> setup) {
        Connection c = open(dataDir);
        try {
            return setup.run(c);
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot open " + what + " in " + dataDir.resolve(FILE_NAME) + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Runs the migrations of one component that this file has not had yet; index i brings the component from
     * version i to i + 1, each in its own transaction together with its version bump. Append; never edit a
     * released migration.
     *
     * @throws StoreException when the file holds a newer version of the component than this bot knows
     */
    public static void migrate(Connection c, String component, List<List<String>> migrations) {
        try {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS schema_version (component TEXT PRIMARY KEY, "
                        + "version INTEGER NOT NULL)");
            }
            int version = version(c, component);
            if (version > migrations.size()) {
                throw new StoreException("the database has " + component + " tables of version " + version
                        + " but this bot knows only up to " + migrations.size()
                        + "; run the newer bot version or restore a backup");
            }
            for (int v = version; v < migrations.size(); v++) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement();
                     PreparedStatement bump = c.prepareStatement(
                             "INSERT OR REPLACE INTO schema_version (component, version) VALUES (?, ?)")) {
                    for (String sql : migrations.get(v)) {
                        st.execute(sql);
                    }
                    bump.setString(1, component);
                    bump.setInt(2, v + 1);
                    bump.executeUpdate();
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot bring the " + component + " tables up to date: " + e.getMessage(), e);
        }
    }

    /** The version of a component's tables in this file, 0 when it has none. */
    public static int version(Connection c, String component) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM schema_version WHERE component = ?")) {
            ps.setString(1, component);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
