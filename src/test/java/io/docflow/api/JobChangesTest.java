package io.docflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.docflow.jobs.JobRecord;
import io.docflow.jobs.JobStatus;
import org.junit.jupiter.api.Test;

class JobChangesTest {

    @Test
    void theFirstReadingChangesNothing() {
        JobChanges first = JobChanges.first(List.of(job("a", JobStatus.QUEUED, Map.of())));

        assertThat(first.size()).isEqualTo(1);
        assertThat(first.next(List.of(job("a", JobStatus.QUEUED, Map.of()))).changed()).isEmpty();
    }

    @Test
    void newJobsAndChangedStatusesOrStagesAreChanges() {
        JobChanges before = JobChanges.first(List.of(job("b", JobStatus.PROCESSING, Map.of("extract-text", 10L)),
                job("a", JobStatus.QUEUED, Map.of()), job("z", JobStatus.COMPLETED, Map.of())));

        JobChanges.Reading reading = before.next(List.of(job("c", JobStatus.QUEUED, Map.of()),
                job("b", JobStatus.PROCESSING, Map.of("extract-text", 10L, "classify", 20L)),
                job("a", JobStatus.PROCESSING, Map.of())));

        assertThat(reading.changed()).extracting(JobRecord::jobId).containsExactly("c", "b", "a");
        assertThat(reading.snapshot().next(List.of(job("c", JobStatus.QUEUED, Map.of()),
                job("b", JobStatus.PROCESSING, Map.of("extract-text", 10L, "classify", 20L)),
                job("a", JobStatus.PROCESSING, Map.of()))).changed())
                .as("z left the page, nothing else moved").isEmpty();
    }

    @Test
    void aFinishedJobsClassAndReasonAreChanges() {
        JobRecord processing = job("a", JobStatus.PROCESSING, Map.of());
        JobRecord review = new JobRecord("a", JobStatus.NEEDS_REVIEW, "in", "k", "http", null, true, "2026-12-03T10:00:00Z",
                "2026-12-03T10:00:05Z", "invoice", 0.9, "FIELDS_NEED_REVIEW", null, null, null, null, Map.of(), Map.of(), null,
                null, 1, 0, 0, null, Map.of());

        assertThat(JobChanges.first(List.of(processing)).next(List.of(review)).changed()).containsExactly(review);
    }

    private static JobRecord job(String id, JobStatus status, Map<String, Long> stageMillis) {
        return new JobRecord(id, status, "in", "k/" + id, "http", null, false, "2026-12-03T10:00:00Z", null, null, null,
                null, null, null, null, null, stageMillis, Map.of(), null, null, 0, 0, 0, null, Map.of());
    }
}
