package io.docflow.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Uploads files to a docflow, {@code inFlight} at a time, and follows each job until it ends. Every file gets an
 * outcome: a job still running after {@code timeout} is TIMED_OUT, an upload refused NOT_SUBMITTED, so nothing is
 * silently dropped. {@code onFinished} hears of each outcome as it comes (progress bars).
 */
public final class JobFollower {

    private static final Set<String> FINAL = Set.of("COMPLETED", "NEEDS_REVIEW", "FAILED");
    private static final long POLL_MILLIS = 300;

    private final DocflowClient client;
    private final int inFlight;
    private final Duration timeout;

    public JobFollower(DocflowClient client, int inFlight, Duration timeout) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("At least one document in flight; got " + inFlight);
        }
        this.client = client;
        this.inFlight = inFlight;
        this.timeout = timeout;
    }

    private record Pending(Path file, String jobId, long submittedNanos) {
    }

    /** The outcome of every file, in the order given. */
    public Map<Path, FinishedJob> run(List<Path> files, Consumer<FinishedJob> onFinished) {
        Map<Path, FinishedJob> finished = new LinkedHashMap<>();
        files.forEach(f -> finished.put(f, null));
        Deque<Path> waiting = new ArrayDeque<>(files);
        List<Pending> pending = new ArrayList<>();
        while (!waiting.isEmpty() || !pending.isEmpty()) {
            while (pending.size() < inFlight && !waiting.isEmpty()) {
                Path file = waiting.poll();
                try {
                    pending.add(new Pending(file, client.upload(file), System.nanoTime()));
                } catch (RuntimeException e) {
                    record(finished, onFinished, new FinishedJob(file, null, FinishedJob.NOT_SUBMITTED, e.getMessage(), null, null, 0));
                }
            }
            for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
                FinishedJob outcome = poll(it.next());
                if (outcome != null) {
                    record(finished, onFinished, outcome);
                    it.remove();
                }
            }
            if (!pending.isEmpty()) {
                sleep();
            }
        }
        return finished;
    }

    private static void record(Map<Path, FinishedJob> finished, Consumer<FinishedJob> onFinished, FinishedJob outcome) {
        finished.put(outcome.file(), outcome);
        onFinished.accept(outcome);
    }

    /** The job's outcome once it has ended (or timed out), else null. */
    private FinishedJob poll(Pending p) {
        long waited = (System.nanoTime() - p.submittedNanos()) / 1_000_000;
        if (waited > timeout.toMillis()) {
            return new FinishedJob(p.file(), p.jobId(), FinishedJob.TIMED_OUT,
                    "no final status within " + timeout.toSeconds() + " s", null, null, waited);
        }
        JsonNode job = client.job(p.jobId());
        String status = job == null ? "QUEUED" : job.path("status").asText();
        if (!FINAL.contains(status)) {
            return null;
        }
        JsonNode result = client.result(p.jobId());
        return new FinishedJob(p.file(), p.jobId(), status, text(job.path("reason")), text(job.path("documentClass")), result, waited);
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while following jobs", e);
        }
    }
}
