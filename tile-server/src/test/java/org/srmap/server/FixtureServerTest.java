package org.srmap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.srmap.sql.Database;
import org.srmap.sql.TestDatabase;

/**
 * Base of the server's tests: each test class gets a fresh database holding the {@link Fixture},
 * and its own server (the context is closed after the class, so no later class reuses a server
 * whose database is gone).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class FixtureServerTest {
    private static TestDatabase testDb;
    private static Fixture fixture;

    @BeforeAll
    static void loadFixture() throws Exception {
        testDb = TestDatabase.create();
        fixture = Fixture.load(testDb.database());
    }

    @AfterAll
    static void dropDatabase() {
        if (testDb != null) {
            testDb.close();
            testDb = null;
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("srmap.db-url", () -> testDb.database().url());
    }

    /** The fixture of the running test class. */
    protected static Fixture fixture() {
        return fixture;
    }

    /** The database of the running test class. */
    protected static Database database() {
        return testDb.database();
    }

    /** GETs {@code uri}, expects 200 and reads the body as JSON. */
    protected static JsonNode json(WebTestClient client, String uri) throws IOException {
        byte[] body = client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        return new ObjectMapper().readTree(body);
    }

    /** The server's metrics, as Prometheus scrapes them (the test class needs @AutoConfigureObservability). */
    protected static String prometheus(WebTestClient client) {
        return client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** GETs {@code uri} and expects a 400 problem naming {@code parameter}. */
    protected static void expectBadRequest(WebTestClient client, String uri, String parameter) {
        client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.BAD_REQUEST)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo(parameter);
    }

    private static final String WAITING_ON_LOCKS = "SELECT count(*) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND state = 'active' AND wait_event_type = 'Lock'";

    /** Opens a transaction on {@code locker} holding {@code tables} so that queries reading them wait. */
    protected static void lock(Connection locker, String tables) throws SQLException {
        locker.setAutoCommit(false);
        try (Statement st = locker.createStatement()) {
            st.execute("LOCK TABLE " + tables + " IN ACCESS EXCLUSIVE MODE");
        }
    }

    /** Waits up to 10 s for exactly {@code n} queries of the server to wait on the test's lock. */
    protected static void awaitWaitingQueries(int n) throws InterruptedException, SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waitingQueries() != n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(waitingQueries()).as("queries waiting on the lock").isEqualTo(n);
    }

    /** The queries of the test's database that wait for a lock now. */
    protected static long waitingQueries() throws SQLException {
        try (Connection c = database().open();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(WAITING_ON_LOCKS)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Takes the test's database away from the server (no new connections, every open one
     * terminated), as a database that went down would be; {@code true} gives it back.
     */
    protected static void allowConnections(boolean allow) throws SQLException {
        String url = database().url();
        String name = url.replaceFirst("^jdbc:postgresql://[^/]*/([^?]*).*$", "$1");
        Database admin = Database.at(url.replace("/" + name + "?", "/postgres?"));
        try (Connection c = admin.open();
                Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + allow);
            if (!allow) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            }
        }
    }
}
