package org.opengep.dashboard.view;

import io.quarkus.qute.TemplateData;
import java.util.List;
import org.opengep.dashboard.client.accounting.model.Failure;
import org.opengep.dashboard.client.accounting.model.InputError;
import org.opengep.dashboard.client.accounting.model.Job;

/** A job's progress as its page and its progress bar (which asks for it every second as JSON) show it. */
@TemplateData
public record JobView(String id, String status, boolean finished, int total, int done, int failed, int percent, String rate,
        String createdBy, String createdAt, String finishedAt, boolean publish, List<FailureRow> failures) {

    /** A region that failed, with the service's reasons (field: message). */
    @TemplateData
    public record FailureRow(int seq, String regionCode, Integer year, List<String> reasons) {}

    public static JobView of(Job job) {
        int total = job.getTotal() == null ? 0 : job.getTotal();
        int done = job.getDone() == null ? 0 : job.getDone();
        int failed = job.getFailed() == null ? 0 : job.getFailed();
        // done counts the regions computed; a failed region is finished too, so the bar is (done + failed) / total
        int percent = total == 0 ? 100 : (int) Math.floor(100.0 * Math.min(total, done + failed) / total);
        List<FailureRow> failures = job.getFailures() == null ? List.of() : job.getFailures().stream()
                .map(JobView::failure).toList();
        return new JobView(String.valueOf(job.getId()), job.getStatus(), job.getFinishedAt() != null, total, done, failed, percent,
                job.getAccountsPerSecond() == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f", job.getAccountsPerSecond()),
                job.getCreatedBy(), job.getCreatedAt() == null ? "" : Times.minute(job.getCreatedAt()),
                job.getFinishedAt() == null ? "" : Times.minute(job.getFinishedAt()), Boolean.TRUE.equals(job.getPublish()), failures);
    }

    private static FailureRow failure(Failure failure) {
        List<String> reasons = failure.getErrors() == null ? List.of() : failure.getErrors().stream()
                .map((InputError e) -> e.getField() == null ? e.getMessage() : e.getField() + ": " + e.getMessage()).toList();
        return new FailureRow(failure.getSeq() == null ? 0 : failure.getSeq(), failure.getRegionCode(), failure.getYear(), reasons);
    }
}
