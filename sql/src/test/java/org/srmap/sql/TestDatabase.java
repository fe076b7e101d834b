package org.srmap.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A throw-away PostGIS database for one test class, migrated to the current schema and dropped on
 * {@link #close()}. The server is, in order: {@code SRMAP_DB_URL} or the provisioned local default
 * (what {@code ./srmap test} sets up), else a Testcontainers PostGIS container where a Docker engine
 * runs. With neither, the test fails under {@code CI=true} and is skipped otherwise.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String POSTGIS_IMAGE = "postgis/postgis:15-3.4";
    private static PostgreSQLContainer<?> container;

    private final Database admin;
    private final String name;
    private final Database database;

    private TestDatabase(Database admin, String name, Database database) {
        this.admin = admin;
        this.name = name;
        this.database = database;
    }

    /** Creates and migrates a fresh database. */
    public static TestDatabase create() {
        Database admin = server();
        String name = "srmap_test_"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        try (Connection c = admin.open();
                Statement st = c.createStatement()) {
            if (hasTemplate(st)) {
                st.execute("CREATE DATABASE " + name + " TEMPLATE srmap_template");
            } else {
                st.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + admin.describe() + ": " + e, e);
        }
        Database db = Database.at(withDatabaseName(admin.url(), name));
        try (Connection c = db.open();
                Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot enable PostGIS in the test database: " + e, e);
        }
        db.migrate();
        return new TestDatabase(admin, name, db);
    }

    /** The migrated database. */
    public Database database() {
        return database;
    }

    @Override
    public void close() {
        try (Connection c = admin.open();
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name + ": " + e, e);
        }
    }

    static String withDatabaseName(String jdbcUrl, String name) {
        return jdbcUrl.replaceFirst("^(jdbc:postgresql://[^/?]*)(/[^?]*)?", "$1/" + name);
    }

    private static boolean hasTemplate(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'srmap_template'")) {
            return rs.next();
        }
    }

    private static synchronized Database server() {
        Database configured = Database.fromEnvironment();
        String localProblem;
        try {
            configured.checkReachable();
            return configured;
        } catch (DatabaseUnavailableException e) {
            localProblem = e.getMessage();
        }
        if (System.getenv(Database.URL_ENV) == null && dockerAvailable()) {
            if (container == null) {
                container = new PostgreSQLContainer<>(
                        DockerImageName.parse(POSTGIS_IMAGE).asCompatibleSubstituteFor("postgres"));
                container.start();
            }
            return Database.at(container.getJdbcUrl() + "&user=" + container.getUsername() + "&password="
                    + container.getPassword());
        }
        String message = "no PostgreSQL/PostGIS for database tests: " + localProblem
                + " Run the tests with ./srmap test, which provisions one.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
