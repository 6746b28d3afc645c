package org.opengep.accounting.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs jobs in the background: a few workers per job claim chunks until none is left. Jobs still running
 * when the service starts (it stopped mid-job) are resumed; their finished chunks are not redone.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

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

    /** Starts the workers of a job; each stops when no pending chunk is left. */
    public void run(UUID jobId) {
        for (int i = 0; i < workers; i++) {
            executor.submit(() -> {
                try {
                    while (jobs.processChunk(jobId)) {
                        // next chunk
                    }
                } catch (RuntimeException e) {
                    LOG.errorf(e, "job %s: a chunk failed and stays pending for the next run", jobId);
                }
            });
        }
    }
}
