package org.opengep.testsupport;

import java.nio.file.Path;

/**
 * Starts an embedded PostgreSQL for a local run of the system, keeping its data between runs:
 * {@code java ... LocalPostgres <data-dir> <port> <database>...}. Runs until killed.
 */
public final class LocalPostgres {

    private LocalPostgres() {}

    public static void main(String[] args) throws InterruptedException {
        Path dataDirectory = Path.of(args.length > 0 ? args[0] : ".local/pgdata");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 55432;
        String first = args.length > 2 ? args[2] : "gep_accounting";
        PostgresDatabase db = PostgresDatabase.embedded(first, dataDirectory, port);
        for (int i = 3; i < args.length; i++) {
            PostgresDatabase.createDatabase(db, args[i]);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(db::close));
        System.out.println("PostgreSQL ready on port " + port + " (user postgres, password postgres)");
        Thread.currentThread().join();
    }
}
