package io.docflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import io.docflow.local.bedrock.CallCounts;
import io.docflow.local.bedrock.LocalBedrock;

/**
 * Watches a run while it is measured: the local Bedrock's counters every 50 ms (when the model calls start and end,
 * at what rate), the processes' resident memory every second, and a progress line every 5 s.
 */
final class Sampler implements AutoCloseable {

    private static final long TICK_MILLIS = 50;

    private final String label;
    private final LocalBedrock bedrock;
    private final LongSupplier done;
    private final LongSupplier failed;
    private final int total;
    private final List<ChildJvm> processes;
    private final long startedNanos = System.nanoTime();
    private final Thread thread;
    private final List<Map<String, Object>> timeline = new ArrayList<>();
    /** (elapsed ms, succeeded calls) every time the count of succeeded calls changed. */
    private final List<long[]> successes = new ArrayList<>();
    private final long[] peakRss;
    private volatile boolean running = true;
    private long firstCallMillis = -1;

    Sampler(String label, LocalBedrock bedrock, int total, LongSupplier done, LongSupplier failed, List<ChildJvm> processes) {
        this.label = label;
        this.bedrock = bedrock;
        this.total = total;
        this.done = done;
        this.failed = failed;
        this.processes = processes;
        this.peakRss = new long[processes.size()];
        this.thread = new Thread(this::run, "bench-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long ticks = 0;
        long lastSucceeded = -1;
        long[] lastPrint = {0, 0};
        while (running) {
            long elapsed = (System.nanoTime() - startedNanos) / 1_000_000;
            CallCounts counts = bedrock.counters(LocalBedrock.ALL_MODELS);
            synchronized (this) {
                if (firstCallMillis < 0 && counts.calls() > 0) {
                    firstCallMillis = elapsed;
                }
                if (counts.succeeded() != lastSucceeded) {
                    successes.add(new long[] {elapsed, counts.succeeded()});
                    lastSucceeded = counts.succeeded();
                }
            }
            if (ticks % (1000 / TICK_MILLIS) == 0) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("s", elapsed / 1000.0);
                point.put("final", done.getAsLong());
                point.put("calls", counts.calls());
                point.put("succeeded", counts.succeeded());
                point.put("throttled", counts.throttled());
                List<Long> rss = new ArrayList<>();
                for (int i = 0; i < processes.size(); i++) {
                    long hwm = processes.get(i).peakRssBytes();
                    if (hwm > 0) {
                        peakRss[i] = Math.max(peakRss[i], hwm);
                    }
                    rss.add(processes.get(i).rssBytes() / (1024 * 1024));
                }
                point.put("rssMB", rss);
                synchronized (this) {
                    timeline.add(point);
                }
            }
            if (ticks % (5000 / TICK_MILLIS) == 0 && ticks > 0) {
                double rate = (counts.succeeded() - lastPrint[1]) * 60_000.0 / Math.max(1, elapsed - lastPrint[0]);
                System.out.printf(Locale.ROOT, "  [%s] %4d s  %d/%d final (%d not COMPLETED)  model: %d calls, %d throttled, %.0f completed/min over the last 5 s%n",
                        label, elapsed / 1000, done.getAsLong(), total, failed.getAsLong(), counts.calls(), counts.throttled(), rate);
                lastPrint[0] = elapsed;
                lastPrint[1] = counts.succeeded();
            }
            ticks++;
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** When the sampler started, System.nanoTime. */
    long startedNanos() {
        return startedNanos;
    }

    synchronized long firstCallMillis() {
        return firstCallMillis;
    }

    /** Elapsed ms when the count of succeeded calls last changed. */
    synchronized long lastSuccessMillis() {
        return successes.isEmpty() ? -1 : successes.get(successes.size() - 1)[0];
    }

    /** Elapsed ms when the succeeded count first reached {@code count}. */
    synchronized long reachedMillis(long count) {
        for (long[] s : successes) {
            if (s[1] >= count) {
                return s[0];
            }
        }
        return -1;
    }

    synchronized List<Map<String, Object>> timeline() {
        return List.copyOf(timeline);
    }

    /** Peak resident set per process (VmHWM, the last value read while it ran). */
    long[] peakRss() {
        return peakRss.clone();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
