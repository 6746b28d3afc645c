package org.opengep.trading.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.opengep.common.idempotency.Idempotency;
import org.opengep.common.idempotency.IdempotencyStore.KeyedRequest;
import org.opengep.common.idempotency.IdempotencyStore.StoredAnswer;
import org.opengep.common.idempotency.IdempotencyStore;
import org.opengep.common.jdbc.ConnectionLoss;
import org.opengep.common.jdbc.Writes.Write;
import org.opengep.common.jdbc.Writes;
import org.opengep.common.metrics.DomainMetrics;
import org.opengep.common.problem.InvalidInputException;
import org.opengep.common.problem.ServiceUnavailableException;
import org.opengep.common.problem.TypedProblem;
import org.opengep.trading.config.MarketRules;
import org.opengep.trading.ledger.LedgerBatch;
import org.opengep.trading.market.CashBook;
import org.opengep.trading.ledger.Movement;
import org.opengep.trading.store.BalanceStore;
import org.opengep.trading.store.HoldingStore;
import org.opengep.trading.store.JournalStore;
import org.opengep.trading.store.MovementStore;

/**
 * Group commit: every movement of this instance goes through one writer. Requests queue their commands; the writer
 * takes what is queued (up to {@code trading.writer.max-batch} movements), and in one transaction takes their
 * Idempotency-Keys, locks the reservations they resolve (in id order) and every balance involved (in one statement,
 * in the canonical order), reads the blocks they may take, applies them one after the other in memory (one that
 * fails is undone and answers its own problem), writes everything with set-based statements, commits once, and only
 * then answers each waiting request. Several instances on one database take the same locks in the same order.
 */
@ApplicationScoped
public class LedgerWriter {

    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);
    private static final int ATTEMPTS = 3;

    /** A queued command, its key, and how its result is answered. */
    private record Submission<R>(LedgerCommand<R> command, KeyedRequest key, int status, Function<R, Object> view, CompletableFuture<Response> answer,
            long queuedAt) {}

    /** What one submission's turn in a batch gave: the response, or the problem. */
    private record Outcome(Submission<?> submission, Response response, RuntimeException problem) {}

    /** What a batch's transaction wrote: each submission's outcome, and the movements and resolutions it recorded. */
    private record Written(List<Outcome> outcomes, List<String> counted) {}

    @Inject
    DataSource dataSource;

    @Inject
    IdempotencyStore keys;

    @Inject
    Idempotency idempotency;

    @Inject
    BalanceStore balances;

    @Inject
    HoldingStore holdings;

    @Inject
    JournalStore journal;

    @Inject
    MovementStore movements;

    @Inject
    RegistryFacts registry;

    @Inject
    MarketRules rules;

    @Inject
    MarketBooks marketBooks;

    @Inject
    MarketClock clock;

    private LinkedBlockingQueue<Submission<?>> queue;
    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        queue = new LinkedBlockingQueue<>(rules.writer().maxQueued());
        running = true;
        thread = new Thread(this::run, "ledger-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        thread.interrupt();
    }

    /**
     * Queues a command and waits for its answer: {@code status} with {@code view} of its result as JSON (stored under
     * the key, if any, in the same transaction), the stored answer again for a key used before, or the problem.
     */
    public <R> Response submit(LedgerCommand<R> command, KeyedRequest key, int status, Function<R, Object> view) {
        return await(queue(command, key, status, view));
    }

    /** Queues a command; its answer completes once its batch has committed (or with its problem). */
    <R> CompletableFuture<Response> queue(LedgerCommand<R> command, KeyedRequest key, int status, Function<R, Object> view) {
        Submission<R> submission = new Submission<>(command, key, status, view, new CompletableFuture<>(), System.nanoTime());
        if (!queue.offer(submission)) {
            throw new ServiceUnavailableException("ledger-busy", "the ledger has " + queue.size() + " movements waiting; nothing was recorded, retry later", null);
        }
        return submission.answer();
    }

    /** The answer of a queued command, or its problem. */
    Response await(CompletableFuture<Response> answer) {
        try {
            return answer.get(rules.writer().answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new ServiceUnavailableException("ledger-busy", "the ledger did not answer in time; retry with the same Idempotency-Key to learn "
                    + "whether the movement was recorded", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("ledger-busy", "interrupted while waiting for the ledger", e);
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                List<Submission<?>> batch = new ArrayList<>();
                batch.add(queue.take());
                int size = batch.get(0).command().size();
                for (Submission<?> next = queue.peek(); next != null && size + next.command().size() <= rules.writer().maxBatch(); next = queue.peek()) {
                    batch.add(queue.poll());
                    size += next.command().size();
                }
                write(batch);
            } catch (InterruptedException e) {
                // stopping: what is queued is still written
            } catch (RuntimeException | Error e) {
                LOG.error("the ledger writer failed", e);
            }
        }
    }

    /**
     * Writes a batch and answers its submissions. A batch that fails as a whole (another instance's transaction chose
     * it as a deadlock victim, a key another instance stored meanwhile) is tried again; then each submission alone, so
     * that one command that breaks the batch cannot fail the others. While the database is away (a restart, a
     * failover) the writer waits for it and tries the batch again, until its oldest request has waited the answer
     * timeout: requests queue meanwhile, and are answered once it is back. A batch whose commit was cut off may have
     * been applied: tried again, its keys replay what was stored.
     */
    private void write(List<Submission<?>> batch) {
        long pause = 50;
        for (int attempt = 1; ; attempt++) {
            try {
                long started = System.nanoTime();
                Written written = QuarkusTransaction.requiringNew().call(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        return apply(c, batch);
                    }
                });
                // counted once committed: a replay, a refused command or a rollback counts nothing
                DomainMetrics.ledgerBatch(written.counted().size(), Duration.ofNanos(System.nanoTime() - started));
                written.counted().forEach(kind -> DomainMetrics.count(DomainMetrics.MOVEMENTS_RECORDED, 1, "kind", kind.toLowerCase(Locale.ROOT)));
                answer(written.outcomes());
                return;
            } catch (RuntimeException e) {
                if (ConnectionLoss.noticed(e) && running && waited(batch.get(0)) < rules.writer().answerTimeout().toNanos()) {
                    LOG.warnf("the database is away (%s); batch of %d waits %d ms and is tried again", e.getMessage(), batch.size(), pause);
                    ConnectionLoss.pause(pause); // stopping ends the wait: the batch is tried once more, then answered
                    pause = Math.min(pause * 2, 1000);
                    continue;
                }
                if (attempt < ATTEMPTS && retryable(e)) {
                    continue;
                }
                if (batch.size() > 1) {
                    LOG.warnf("a batch of %d failed (%s); writing each alone", batch.size(), e);
                    batch.forEach(s -> write(List.of(s)));
                } else {
                    batch.get(0).answer().completeExceptionally(e);
                }
                return;
            }
        }
    }

    private Written apply(Connection c, List<Submission<?>> batch) throws SQLException {
        Outcome[] outcomes = new Outcome[batch.size()];
        List<Integer> active = claimKeys(c, batch, outcomes);
        Set<UUID> ids = new LinkedHashSet<>();
        active.forEach(n -> ids.addAll(batch.get(n).command().reservations()));
        Map<UUID, Movement> reservations = movements.lockReservations(c, ids);
        OffsetDateTime at = clock.now();
        MarketNeeds books = new MarketNeeds();
        active.forEach(n -> batch.get(n).command().market(books));
        MarketWork market = marketBooks.load(c, books, new CashBook(at, clock.marketTime(at).toLocalDate()), clock.marketTime(at), clock.calendar());
        LedgerCommand.Needs needs = new LedgerCommand.Needs(market);
        active.forEach(n -> batch.get(n).command().declare(needs, reservations));
        List<LedgerBatch.Balance> locked = balances.lock(c, needs.balances);
        LedgerBatch ledger = new LedgerBatch(at);
        locked.forEach(ledger::add);
        holdings.available(c, needs.availableTotals()).forEach(ledger::add);
        holdings.reserved(c, needs.reserved).forEach(ledger::add);
        marketBooks.lockCash(c, market, needs.cash);

        BatchWork work = new BatchWork(ledger, market, new HashMap<>(reservations), registry);
        List<StoredAnswer> answers = new ArrayList<>();
        for (int n : active) {
            outcomes[n] = applyOne(batch.get(n), work, answers);
        }
        List<Write> writes = new ArrayList<>(holdings.writes(ledger.endedStoredBlocks(), ledger.startedBlocks(), ledger.at()));
        writes.add(journal.inserting(ledger.journal()));
        writes.addAll(balances.writes(ledger.balances()));
        writes.add(movements.inserting(work.movements));
        writes.add(movements.resolving(work.resolutions));
        writes.addAll(marketBooks.writes(market));
        writes.add(keys.storing(answers));
        Writes.execute(c, writes);
        return new Written(List.of(outcomes), work.counted());
    }

    private <R> Outcome applyOne(Submission<R> s, BatchWork work, List<StoredAnswer> answers) {
        BatchWork.Mark mark = work.mark();
        try {
            R result = s.command().apply(work);
            String body = idempotency.json(s.view().apply(result));
            Response response = Response.status(s.status()).entity(body).type(MediaType.APPLICATION_JSON).build();
            if (s.key() != null) {
                answers.add(new StoredAnswer(s.key(), s.status(), body, null));
            }
            return new Outcome(s, response, null);
        } catch (TypedProblem | InvalidInputException e) {
            work.rollback(mark);
            return new Outcome(s, null, e);
        }
    }

    /**
     * Takes the batch's keys: a key another transaction holds, or one a submission earlier in the batch has, is in
     * use (409); a key with a stored answer is replayed (or 422 for another request). Returns the submissions to apply.
     */
    private List<Integer> claimKeys(Connection c, List<Submission<?>> batch, Outcome[] outcomes) throws SQLException {
        List<KeyedRequest> keyed = batch.stream().map(Submission::key).filter(k -> k != null).toList();
        IdempotencyStore.Claimed claimed = keys.claim(c, keyed);
        Set<KeyedRequest> had = claimed.had();
        Map<KeyedRequest, StoredAnswer> stored = claimed.stored();
        Set<List<String>> seen = new HashSet<>();
        List<Integer> active = new ArrayList<>();
        for (int n = 0; n < batch.size(); n++) {
            Submission<?> s = batch.get(n);
            KeyedRequest key = s.key();
            if (key == null) {
                active.add(n);
            } else if (!had.contains(key) || !seen.add(List.of(key.scope(), key.key()))) {
                outcomes[n] = new Outcome(s, null, Idempotency.inUse());
            } else if (stored.containsKey(key)) {
                try {
                    outcomes[n] = new Outcome(s, Idempotency.replay(key, stored.get(key)), null);
                } catch (RuntimeException e) {
                    outcomes[n] = new Outcome(s, null, e);
                }
            } else {
                active.add(n);
            }
        }
        return active;
    }

    private static void answer(List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            if (o.problem() != null) {
                o.submission().answer().completeExceptionally(o.problem());
            } else {
                o.submission().answer().complete(o.response());
            }
        }
    }

    private static long waited(Submission<?> oldest) {
        return System.nanoTime() - oldest.queuedAt();
    }

    private static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Writes.CountMismatch m && m.what().equals(IdempotencyStore.KEYS_TAKEN)) {
                return true; // another instance stored one of the keys meanwhile: tried again, its answer is replayed
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("40P01") || sql.getSQLState().equals("40001"))) {
                return true;
            }
        }
        return false;
    }
}
