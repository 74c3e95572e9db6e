package io.docflow.extract.isolation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One parser worker process and the pipes to it. Not thread-safe: the pool lends it to one request at a time.
 */
final class ParserWorker implements AutoCloseable {

    /** How a worker ended a request that got no reply. */
    sealed interface Death permits TimedOut, Exited {
    }

    record TimedOut(Duration after) implements Death {
    }

    /** @param exitCode the process's exit code; 128 + n for a process killed by signal n */
    record Exited(int exitCode) implements Death {
        /** HotSpot's exit code for -XX:+ExitOnOutOfMemoryError. */
        static final int OUT_OF_MEMORY = 3;

        boolean outOfMemory() {
            return exitCode == OUT_OF_MEMORY;
        }
    }

    static final class WorkerDiedException extends Exception {
        private final transient Death death;

        WorkerDiedException(Death death) {
            super(String.valueOf(death));
            this.death = death;
        }

        Death death() {
            return death;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ParserWorker.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Writer requests;
    private final BufferedReader replies;
    private final ExecutorService reader;

    private ParserWorker(Process process, String name) {
        this.process = process;
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.reader = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name + "-replies");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a worker and waits until it is ready to parse. */
    static ParserWorker start(List<String> command, Duration startTimeout, String name) throws IOException, WorkerDiedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ParserWorker worker = new ParserWorker(process, name);
        String first = worker.nextLine(startTimeout, startTimeout);
        if (!ParserWorkerMain.READY.equals(first)) {
            worker.close();
            throw new IOException("Parser worker " + name + " did not start: it said '" + first + "' instead of " + ParserWorkerMain.READY);
        }
        return worker;
    }

    /** Sends the request and waits for its reply; the worker's death, or the timeout (which kills it), throws. */
    <R> R call(WorkerRequest request, Class<R> replyType, Duration timeout) throws IOException, WorkerDiedException {
        try {
            requests.write(JSON.writerFor(WorkerRequest.class).writeValueAsString(request));
            requests.write('\n');
            requests.flush();
        } catch (IOException e) {
            throw new WorkerDiedException(new Exited(exitCode()));
        }
        // HotSpot writes some last words on standard output too ("Terminating due to java.lang.OutOfMemoryError"):
        // a line that is not a reply is passed on to the log, and the reply (or the worker's end) still awaited
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = nextLine(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), timeout);
            if (line.startsWith("{")) {
                return JSON.readValue(line, replyType);
            }
            log.warn("Parser worker {}: {}", process.pid(), line);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** The next line the worker writes; its death (or the timeout, which kills it) throws. */
    private String nextLine(Duration timeout, Duration limit) throws WorkerDiedException, IOException {
        Future<String> line = reader.submit(replies::readLine);
        try {
            String text = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new WorkerDiedException(new Exited(exitCode()));
            }
            return text;
        } catch (TimeoutException e) {
            close();
            throw new WorkerDiedException(new TimedOut(limit));
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for parser worker " + process.pid(), e);
        } catch (ExecutionException e) {
            throw new WorkerDiedException(new Exited(exitCode()));
        }
    }

    private int exitCode() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return process.waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        reader.shutdownNow();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
