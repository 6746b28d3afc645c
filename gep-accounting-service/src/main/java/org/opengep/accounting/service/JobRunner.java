package org.opengep.accounting.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opengep.accounting.rest.AccountRequest;

/**
 * Runs jobs in the background: a few workers per job claim chunks until none is left. Jobs still running
 * when the service starts (it stopped mid-job) are resumed; their finished chunks are not redone.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    private static final int MAX_FAILURES = 3;

    @Inject
    JobService jobs;

    @ConfigProperty(name = "gep.jobs.workers", defaultValue = "2")
    int workers;

    private ExecutorService executor;

    void start(@Observes StartupEvent event) {
        executor = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "gep-job-worker");
            t.setDaemon(true);
            return t;
        });
        jobs.running().forEach(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /**
     * Claims chunks until none is left. A chunk that fails (the database went away, say) was rolled back and
     * is still pending: it is tried again after a pause, and left to the next start after a few failures.
     */
    private void work(UUID jobId, List<AccountRequest> parsed) {
        int failures = 0;
        while (failures < MAX_FAILURES && !Thread.currentThread().isInterrupted()) {
            try {
                if (!jobs.processChunk(jobId, parsed)) {
                    return;
                }
                failures = 0;
            } catch (RuntimeException e) {
                failures++;
                LOG.errorf(e, "job %s: a chunk failed (%d of %d); it stays pending", jobId, failures, MAX_FAILURES);
                try {
                    Thread.sleep(1000L * failures);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Starts the workers of a job that reads its requests again from its items; each stops when no pending chunk is left. */
    public void run(UUID jobId) {
        run(jobId, null);
    }

    /**
     * Starts the workers of a job with its requests as the upload read them (by seq), so that they are not read twice;
     * each is let go as its chunk is claimed.
     */
    public void run(UUID jobId, List<AccountRequest> parsed) {
        for (int i = 0; i < workers; i++) {
            executor.submit(() -> work(jobId, parsed));
        }
    }
}
