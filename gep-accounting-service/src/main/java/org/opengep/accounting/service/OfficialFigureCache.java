package org.opengep.accounting.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Official figures are read far more often than published, so their documents are kept in memory, ready to
 * send. Every replica LISTENs on {@value #CHANNEL}; a publication NOTIFYs its key in its transaction, so
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
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean stopped;
    private Thread listener;

    /** Suffix of the key of a figure's document with its value lines. */
    public static final String LINES = "|lines";

    public static String key(String regionCode, int year, String methodVersion) {
        return regionCode + "|" + year + "|" + methodVersion;
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

    void evict(String key) {
        generation.incrementAndGet();
        documents.remove(key);
        documents.remove(key + LINES);
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
