package org.srmap.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * A PostGIS database reached by a JDBC URL ({@code SRMAP_DB_URL}), with the srmap schema applied by
 * {@link #migrate()}. Connections come straight from the driver; callers that need a pool bring
 * their own.
 */
public final class Database {
    /** The environment variable naming the database; {@code ./srmap} sets it after provisioning. */
    public static final String URL_ENV = "SRMAP_DB_URL";

    /** Where the provisioning script puts the database when nothing else is said. */
    public static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/srmap?user=srmap&password=srmap";

    private final String url;

    private Database(String url) {
        this.url = url;
    }

    /** A database at {@code jdbcUrl}, which must be a {@code jdbc:postgresql:} URL. */
    public static Database at(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "the database URL must start with jdbc:postgresql:, was " + redact(jdbcUrl));
        }
        return new Database(jdbcUrl);
    }

    /** The database named by {@code SRMAP_DB_URL}, else the provisioned local default. */
    public static Database fromEnvironment() {
        String fromEnv = System.getenv(URL_ENV);
        return at(fromEnv == null || fromEnv.isBlank() ? DEFAULT_URL : fromEnv.trim());
    }

    /** The JDBC URL, including any credentials it carries. */
    public String url() {
        return url;
    }

    /** The JDBC URL with any password replaced, fit for logs and messages. */
    public String describe() {
        return redact(url);
    }

    /** Opens a new connection; the caller closes it. */
    public Connection open() throws SQLException {
        Properties props = new Properties();
        props.setProperty("ApplicationName", "srmap");
        props.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(url, props);
    }

    /**
     * Brings the schema up to date. Throws {@link DatabaseUnavailableException} with a message a
     * person can act on when the server cannot be reached or PostGIS is missing.
     */
    public MigrateResult migrate() {
        checkReachable();
        try {
            return Flyway.configure()
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            String cause = rootMessage(e);
            if (cause.contains("postgis")) {
                throw new DatabaseUnavailableException(
                        "PostGIS is not available in " + describe()
                                + ": install the Debian package postgresql-15-postgis-3 (./srmap db does it"
                                + " as root), or run CREATE EXTENSION postgis as a superuser. (" + cause + ")",
                        e);
            }
            throw new DatabaseUnavailableException("migrating " + describe() + " failed: " + cause, e);
        }
    }

    /** Throws {@link DatabaseUnavailableException} unless a connection can be opened. */
    public void checkReachable() {
        try (Connection c = open()) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(
                    "cannot connect to " + describe() + ": " + rootMessage(e)
                            + ". Run ./srmap db to provision a local PostgreSQL with PostGIS, or set "
                            + URL_ENV + " to a reachable server.",
                    e);
        }
    }

    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
