package io.docflow.evaluation.run;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.docflow.evaluation.GroundTruth;
import io.docflow.evaluation.ObservedResult;

/**
 * Runs every document of a set through one docflow over its HTTP API, {@code inFlight} at a time, and waits for
 * each job to end: a document whose job does not end within {@code timeout} counts as TIMED_OUT, one docflow
 * refused as NOT_SUBMITTED, so every document has an outcome.
 */
final class ApiRun {

    private static final Duration POLL = Duration.ofMillis(300);

    private final DocflowApi api;
    private final int inFlight;
    private final Duration timeout;
    private final Progress progress;

    ApiRun(DocflowApi api, int inFlight, Duration timeout, Progress progress) {
        this.api = api;
        this.inFlight = inFlight;
        this.timeout = timeout;
        this.progress = progress;
    }

    private record Pending(GroundTruth truth, String jobId, long submittedNanos) {
    }

    Map<GroundTruth, ObservedResult> run(List<GroundTruth> truths) {
        Map<GroundTruth, ObservedResult> observed = new LinkedHashMap<>();
        Deque<GroundTruth> waiting = new ArrayDeque<>(truths);
        List<Pending> pending = new ArrayList<>();
        while (!waiting.isEmpty() || !pending.isEmpty()) {
            while (pending.size() < inFlight && !waiting.isEmpty()) {
                GroundTruth truth = waiting.poll();
                try {
                    pending.add(new Pending(truth, api.upload(truth.document()), System.nanoTime()));
                } catch (RuntimeException e) {
                    observed.put(truth, ObservedResult.withoutResult("NOT_SUBMITTED", e.getMessage(), 0));
                    progress.done(truth, "NOT_SUBMITTED");
                }
            }
            for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                ObservedResult result = poll(p);
                if (result != null) {
                    observed.put(p.truth(), result);
                    progress.done(p.truth(), result.status());
                    it.remove();
                }
            }
            sleep();
        }
        return observed;
    }

    /** The job's outcome once it has ended, else null. */
    private ObservedResult poll(Pending p) {
        long waited = System.nanoTime() - p.submittedNanos();
        if (waited > timeout.toNanos()) {
            return ObservedResult.withoutResult("TIMED_OUT", "no final status within " + timeout.toSeconds() + " s",
                    waited / 1_000_000);
        }
        JsonNode job = api.job(p.jobId());
        String status = job == null ? "QUEUED" : job.path("status").asText();
        if (!List.of("COMPLETED", "NEEDS_REVIEW", "FAILED").contains(status)) {
            return null;
        }
        JsonNode result = api.result(p.jobId());
        return result != null ? ObservedResult.fromResult(result)
                : ObservedResult.withoutResult(status, job.path("reason").asText(null), waited / 1_000_000);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
