package org.opengep.accounting.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opengep.common.jdbc.AfterCommit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Official figures are read far more often than published, so their documents are kept in memory, ready to
 * send, and so is each year's set of them over the region tree that sums walk ({@link TreeFigures}). Every replica
 * LISTENs on {@value #CHANNEL}; a publication NOTIFYs its key in its transaction, so
 * PostgreSQL delivers the eviction to all replicas once the new figure is committed. A load that began before
 * an eviction is not cached (generation check), and while the listener is not connected nothing is served
 * from memory.
 */
@ApplicationScoped
public class OfficialFigureCache {

    public static final String CHANNEL = "gep_official";
    private static final Logger LOG = Logger.getLogger(OfficialFigureCache.class);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @ConfigProperty(name = "gep.official-cache.max-entries", defaultValue = "20000")
    int maxEntries;

    private final ConcurrentHashMap<String, byte[]> documents = new ConcurrentHashMap<>();
    /** A year's figures over the region tree by year and method version, as they are being read or were read. */
    private final ConcurrentHashMap<String, CompletableFuture<TreeFigures>> trees = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean stopped;
    private Thread listener;

    /** Years of figures over the tree kept at once (one is some 20 MB for a national year). */
    private static final int MAX_TREES = 4;

    /** The key notified when the region tree changes (a region added, an area recorded): every year's tree is dropped. */
    public static final String REGIONS = "regions";

    /** Suffix of the key of a figure's document with its value lines. */
    public static final String LINES = "|lines";

    public static String key(String regionCode, int year, String methodVersion) {
        return regionCode + "|" + year + "|" + methodVersion;
    }

    /** Whether this replica hears of publications, and so keeps figures in memory. */
    public boolean listening() {
        return listening;
    }

    /** The document of a key if it is in memory. */
    public Optional<byte[]> peek(String key) {
        return listening ? Optional.ofNullable(documents.get(key)) : Optional.empty();
    }

    /** The document of a key, from memory or loaded (and then kept) from the database. */
    public Optional<byte[]> get(String key, Supplier<Optional<byte[]>> loader) {
        if (!listening) {
            return loader.get();
        }
        byte[] cached = documents.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = generation.get();
        Optional<byte[]> loaded = loader.get();
        if (loaded.isPresent() && listening && generation.get() == before) {
            if (documents.size() >= maxEntries) {
                documents.clear();
            }
            documents.put(key, loaded.get());
        }
        return loaded;
    }

    /**
     * A year's figures over the region tree, from memory or read once for all who ask meanwhile (the sums of a national
     * run's end arrive together); kept unless something was evicted while they were read.
     */
    TreeFigures tree(int year, String methodVersion, Supplier<TreeFigures> reader) {
        if (!listening) {
            return reader.get();
        }
        String key = year + "|" + methodVersion;
        if (trees.size() >= MAX_TREES && !trees.containsKey(key)) {
            trees.clear();
        }
        CompletableFuture<TreeFigures> reading = new CompletableFuture<>();
        CompletableFuture<TreeFigures> kept = trees.putIfAbsent(key, reading);
        if (kept != null) {
            try {
                return kept.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        long before = generation.get();
        try {
            TreeFigures tree = reader.get();
            reading.complete(tree);
            if (!listening || generation.get() != before) {
                trees.remove(key, reading);
            }
            return tree;
        } catch (RuntimeException e) {
            trees.remove(key, reading);
            reading.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Forgets what {@code keys} name on this replica as soon as the transaction of {@code c} commits (read your own
     * writes), and on every replica once PostgreSQL delivers the notification, which it does only then too.
     */
    void evictOnCommit(TransactionSynchronizationRegistry transactions, Connection c, List<String> keys) throws SQLException {
        AfterCommit.run(transactions, () -> keys.forEach(this::evict));
        try (PreparedStatement notify = c.prepareStatement("select pg_notify(?, k) from unnest(?::text[]) k")) {
            notify.setString(1, CHANNEL);
            notify.setArray(2, c.createArrayOf("text", keys.toArray()));
            notify.execute();
        }
    }

    /** Drops a figure's documents and its year's tree; {@link #REGIONS} drops every year's tree. */
    void evict(String key) {
        generation.incrementAndGet();
        documents.remove(key);
        documents.remove(key + LINES);
        if (key.equals(REGIONS)) {
            trees.clear();
        } else {
            trees.remove(key.substring(key.indexOf('|') + 1));
        }
    }

    void start(@Observes StartupEvent event) {
        listener = new Thread(this::listen, "gep-official-cache-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (!stopped) {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                // anything published while we were not listening is unknown: start empty
                generation.incrementAndGet();
                documents.clear();
                trees.clear();
                listening = true;
                while (!stopped) {
                    PGNotification[] notifications = pg.getNotifications(10_000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            evict(n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (!stopped) {
                    LOG.warnf("official figure cache: listener lost its connection (%s); serving from the database", e.getMessage());
                }
            } finally {
                listening = false;
                generation.incrementAndGet();
                documents.clear();
                trees.clear();
            }
            sleepQuietly();
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
