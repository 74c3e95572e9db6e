package io.docflow.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.docflow.config.DocflowProperties;
import io.docflow.jobs.JobRecord;
import io.docflow.jobs.JobSearch;
import io.docflow.jobs.JobsTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live job list ({@code GET /api/v1/jobs/events}) of this pod: one poller, not one per client, reads the newest
 * page of the job list ({@link JobsTable#list}, the createdDay index) every {@code pollInterval} while at least one
 * client is connected, and sends each client a {@code job} event per job that is new or changed since the reading
 * before. The jobs table is the only shared state, so every pod sees every pod's jobs, a second or so late. A client
 * gets {@code ready} once a reading taken after it connected exists: from then on it misses no change, so that is
 * when it (re)loads its list. Comments keep idle streams open. See docs/architecture.md, "Live job list".
 */
@Component
class JobEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobEvents.class);

    private final JobsTable jobs;
    private final DocflowProperties.LiveUpdates settings;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService poller;
    private JobChanges snapshot;
    private long lastHeartbeat = System.nanoTime();
    private boolean failing;

    private static final class Client {
        final SseEmitter emitter;
        volatile boolean ready;

        Client(SseEmitter emitter) {
            this.emitter = emitter;
        }
    }

    JobEvents(JobsTable jobs, DocflowProperties properties) {
        this.jobs = jobs;
        this.settings = properties.jobs().liveUpdates();
    }

    /** A new stream: a comment at once (so the response starts), then {@code ready}, {@code job} events and comments. */
    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        Client client = new Client(emitter);
        emitter.onCompletion(() -> clients.remove(client));
        emitter.onTimeout(() -> clients.remove(client));
        emitter.onError(e -> clients.remove(client));
        try {
            emitter.send(SseEmitter.event().comment("docflow job events"));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        clients.add(client);
        return emitter;
    }

    int clients() {
        return clients.size();
    }

    /** One reading: changes to every client, {@code ready} to the new ones, a heartbeat when one is due. */
    void poll() {
        if (clients.isEmpty()) {
            snapshot = null; // nobody listens: no reads; the next client starts from a fresh reading
            return;
        }
        List<JobRecord> page = jobs.list(JobSearch.all(settings.pageSize())).jobs();
        if (snapshot == null) {
            snapshot = JobChanges.first(page);
        } else {
            JobChanges.Reading reading = snapshot.next(page);
            snapshot = reading.snapshot();
            for (JobRecord job : reading.changed()) {
                broadcast(SseEmitter.event().name("job").id(job.jobId()).data(JobQueries.status(job), MediaType.APPLICATION_JSON));
            }
        }
        for (Client client : clients) {
            if (!client.ready) {
                client.ready = true;
                send(client, SseEmitter.event().name("ready").data(Map.of("jobs", snapshot.size()), MediaType.APPLICATION_JSON));
            }
        }
        if (System.nanoTime() - lastHeartbeat >= settings.heartbeat().toNanos()) {
            lastHeartbeat = System.nanoTime();
            broadcast(SseEmitter.event().comment("heartbeat"));
        }
    }

    private void broadcast(SseEmitter.SseEventBuilder event) {
        clients.forEach(client -> send(client, event));
    }

    private void send(Client client, SseEmitter.SseEventBuilder event) {
        try {
            client.emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // the client went away (or its stream ended): drop it, the others go on
            clients.remove(client);
            client.emitter.completeWithError(e);
        }
    }

    /** Polls, logging a failure once (not every second) and the recovery after it. */
    private void pollSafely() {
        try {
            poll();
            if (failing) {
                failing = false;
                log.info("Reading the newest jobs for the live job list works again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("Reading the newest jobs for the live job list failed; trying again every {} (logged once): {}",
                        settings.pollInterval(), e.toString());
            }
        }
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "job-events");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Ends every stream before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
        clients.forEach(client -> client.emitter.complete());
        clients.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE; // stops first, before the web server
    }
}
