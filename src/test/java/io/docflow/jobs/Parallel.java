package io.docflow.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Runs a task on several threads released at once, as the chunk extractions run on the extraction pool. */
final class Parallel {

    private Parallel() {
    }

    /** Calls {@code task} with 0 to {@code tasks - 1}, spread over {@code threads} threads; returns once all ran. */
    static void run(int threads, int tasks, IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int index = i;
                runs.add(pool.submit(() -> {
                    start.await();
                    task.accept(index);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
