package cn.gov.disclosure.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A LocalPostgres of its own: initdb, a database with its owner, a row over JDBC, stop, restart, the row again. */
class LocalPostgresTest {

    static Path dir;
    static LocalPostgres pg;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("infra-pg-test-");
        pg = new LocalPostgres(dir);
        pg.start();
        System.out.printf("postgres up (initdb + start) in %d ms: %s%n", pg.lastStartMillis(), pg);
    }

    @AfterAll
    static void stop() {
        pg.stop();
        Procs.deleteRecursively(dir);
    }

    @Test
    void databaseRowOverJdbcSurvivesARestart() throws Exception {
        pg.createDatabase("intake", "intake", "s3cret'x");
        pg.createDatabase("intake", "intake", "s3cret'x"); // idempotent
        assertTrue(pg.databaseExists("intake"));
        String url = pg.jdbcUrl("intake");
        try (Connection c = DriverManager.getConnection(url, "intake", "s3cret'x");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE organisation (code text PRIMARY KEY, name text NOT NULL)");
            s.execute("INSERT INTO organisation VALUES ('350582107', '晋江市紫帽镇人民政府')");
        }
        assertThrows(
                SQLException.class,
                () -> DriverManager.getConnection(url, "intake", "wrong").close(),
                "password authentication over TCP");

        pg.stop();
        assertFalse(pg.isRunning());
        pg.start();
        System.out.printf("postgres restarted in %d ms%n", pg.lastStartMillis());
        try (Connection c = DriverManager.getConnection(url, "intake", "s3cret'x");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM organisation WHERE code = '350582107'")) {
            assertTrue(rs.next());
            assertEquals("晋江市紫帽镇人民政府", rs.getString(1));
        }
        try (Connection c =
                DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.superuser(), pg.superuserPassword())) {
            assertTrue(c.isValid(5));
        }
    }
}
