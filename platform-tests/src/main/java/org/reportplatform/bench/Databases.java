package org.reportplatform.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Scratch databases of the benchmarks, owned by the platform's role (it may create databases: bin/platform infra). */
final class Databases {

    private Databases() {
    }

    static void recreate(Settings settings, String name) throws Exception {
        drop(settings, name);
        maintenance(settings, "CREATE DATABASE " + quoted(name));
    }

    static void drop(Settings settings, String name) throws Exception {
        maintenance(settings, "DROP DATABASE IF EXISTS " + quoted(name) + " WITH (FORCE)");
    }

    private static void maintenance(Settings settings, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl("postgres"), settings.dbUser(), settings.dbPassword());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String quoted(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        return '"' + name + '"';
    }
}
