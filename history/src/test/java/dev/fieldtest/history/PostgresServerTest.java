package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PostgresServerTest {
    private final PostgresServer server = PostgresServer.shared();

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as("a row from %s", sql).isTrue();
            return r.getString(1);
        }
    }

    @Test
    void everyTestJvmSharesOneServer() {
        assertThat(PostgresServer.shared()).isSameAs(server);
    }

    @Test
    void aNewDatabaseUrlIsALibpqUriWithoutThePassword() {
        String url = server.newDatabaseUrl();
        assertThat(url).matches("postgresql://fieldtest@127\\.0\\.0\\.1:" + server.port() + "/t_\\d+_[0-9a-f]{6}");
        assertThat(url).doesNotContain(server.password());
        assertThat(server.newDatabaseUrl()).isNotEqualTo(url);
    }

    @Test
    void aTableCreatedInOneDatabaseIsAbsentFromTheOther() throws SQLException {
        String first = server.newDatabaseUrl(), second = server.newDatabaseUrl();
        try (Connection a = server.connect(first); Connection b = server.connect(second)) {
            assertThat(one(a, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).isEqualTo("0");
            try (Statement s = a.createStatement()) {
                s.execute("CREATE TABLE runs (id int PRIMARY KEY)");
                s.execute("INSERT INTO runs VALUES (1), (2)");
            }
            assertThat(one(a, "SELECT count(*) FROM runs")).isEqualTo("2");
            assertThat(one(a, "SELECT current_database()")).isEqualTo(first.substring(first.lastIndexOf('/') + 1));
            assertThat(one(b, "SELECT current_database()")).isEqualTo(second.substring(second.lastIndexOf('/') + 1));
            assertThat(one(b, "SELECT to_regclass('public.runs') IS NULL")).isEqualTo("t");
            assertThat(one(b, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).isEqualTo("0");
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithSqlState28P01() throws SQLException {
        String db = server.newDatabaseUrl().replaceFirst(".*/", "");
        Properties wrong = new Properties();
        wrong.setProperty("user", "fieldtest");
        wrong.setProperty("password", "not-" + server.password());
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + db, wrong).close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        try (Connection c = server.connect(server.newDatabaseUrl())) {
            // Stored as a SCRAM verifier, and every TCP rule of pg_hba.conf asks for it.
            assertThat(one(c, "SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'fieldtest'")).isEqualTo("t");
            assertThat(one(c, "SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules WHERE type = 'host'")).isEqualTo("scram-sha-256");
        }
    }

    @Test
    void theServerListensOn127001Only() throws Exception {
        try (Connection c = server.connect(server.newDatabaseUrl())) {
            assertThat(one(c, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(one(c, "SELECT host(inet_server_addr())")).isEqualTo("127.0.0.1");
        }
        // 127.0.0.2 is loopback too: a server bound to every address (0.0.0.0) would accept it.
        try (Socket s = new Socket()) {
            assertThatThrownBy(() -> s.connect(new InetSocketAddress("127.0.0.2", server.port()), 2000)).isInstanceOf(ConnectException.class);
        }
    }
}
