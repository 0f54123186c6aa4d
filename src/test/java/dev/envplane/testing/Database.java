package dev.envplane.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the application's database directly, to prove what was (not) written. */
public final class Database {

    private Database() {
    }

    public static long count(String sql, Object... params) {
        try (Connection connection = LocalServicesResource.database().connect();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            ResultSet rows = statement.executeQuery();
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every value of every row of every table in the public schema, as text. */
    public static List<String> everyValue() {
        List<String> values = new ArrayList<>();
        try (Connection connection = LocalServicesResource.database().connect()) {
            List<String> tables = new ArrayList<>();
            ResultSet names = connection.createStatement()
                    .executeQuery("select tablename from pg_tables where schemaname = 'public'");
            while (names.next()) {
                tables.add(names.getString(1));
            }
            for (String table : tables) {
                ResultSet rows = connection.createStatement().executeQuery("select * from \"" + table + "\"");
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int c = 1; c <= columns; c++) {
                        values.add(table + "." + rows.getMetaData().getColumnName(c) + "=" + rows.getString(c));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }
}
