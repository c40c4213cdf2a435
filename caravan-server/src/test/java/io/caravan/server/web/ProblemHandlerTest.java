package io.caravan.server.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.mock.web.MockHttpServletRequest;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a database failure tells the client: retry when a retry can help, not when the statement itself is at fault. */
class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/shipments");

    @Test
    void aLostOrSlowDatabaseIsWorthARetry() {
        for (var e : new org.springframework.dao.DataAccessException[] {
                new DataAccessResourceFailureException("connection refused"), new QueryTimeoutException("canceled")}) {
            ResponseEntity<ProblemDetail> r = handler.database(e, request);
            assertThat(r.getStatusCode().value()).isEqualTo(503);
            assertThat(r.getBody().getType().toString()).isEqualTo("urn:caravan:problem:storage-unavailable");
            assertThat(r.getBody().getDetail()).contains("retry");
        }
    }

    @Test
    void aStatementTheDatabaseRefusesIsTheServersFaultAndKeepsItsSqlToTheLog() {
        String sql = "select a.id from record r where a.subject_type = 'shipment'";
        ResponseEntity<ProblemDetail> r = handler.database(new BadSqlGrammarException("list", sql,
                new SQLException("missing FROM-clause entry for table \"a\"", "42P01")), request);
        assertThat(r.getStatusCode().value()).isEqualTo(500);
        assertThat(r.getBody().getType().toString()).isEqualTo("urn:caravan:problem:internal");
        assertThat(r.getBody().getDetail()).doesNotContain("retry").doesNotContain("select").doesNotContain("FROM-clause");
        assertThat(r.getBody().getInstance().toString()).isEqualTo("/api/v1/shipments");
    }
}
