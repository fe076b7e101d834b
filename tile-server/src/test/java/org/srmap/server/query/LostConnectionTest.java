package org.srmap.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DataAccessResourceFailureException;

/** Which failures of a query say that its connection, and so maybe the database, is gone. */
class LostConnectionTest {
    @ParameterizedTest
    @CsvSource({
        "08006, true", // connection failure: the socket broke
        "08001, true", // could not connect
        "57P01, true", // admin shutdown: PostgreSQL stopping, or the backend terminated
        "57P02, true", // crash shutdown
        "57P03, true", // cannot connect now: starting or shutting down
        "57014, false", // query canceled: a cancel or the statement timeout
        "42P01, false", // undefined table: a bug, not an outage
        "40001, false", // serialization failure
    })
    void namesTheStatesOfALostConnection(String state, boolean lost) {
        SQLException e = new SQLException("from PostgreSQL", state);
        assertThat(QueryScope.lostConnection(e) != null).isEqualTo(lost);
        // as Spring's JdbcTemplate throws it: wrapped
        SQLException found = QueryScope.lostConnection(new DataAccessResourceFailureException("wrapped", e));
        assertThat(found == e).as("the wrapped error found").isEqualTo(lost);
    }

    @Test
    void aFailureWithoutAStateIsNotALostConnection() {
        assertThat(QueryScope.lostConnection(new SQLException("no state")) == null)
                .isTrue();
        assertThat(QueryScope.lostConnection(new IllegalStateException("not SQL")) == null)
                .isTrue();
    }
}
