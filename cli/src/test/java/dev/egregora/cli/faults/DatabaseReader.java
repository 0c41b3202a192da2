package dev.egregora.cli.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Properties;

/**
 * A second process for {@link ConcurrencyTest}: another program reading a site's DuckDB file (as the {@code duckdb}
 * shell or a notebook would), holding it open read-only until its standard input closes.
 */
public final class DatabaseReader {
    private DatabaseReader() {
    }

    public static void main(String[] args) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0], readOnly);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM messages")) {
            rs.next();
            System.out.println("reading " + rs.getLong(1));
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the file open until the parent closes our input
            }
        }
    }
}
