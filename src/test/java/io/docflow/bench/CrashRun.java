package io.docflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.docflow.config.DocflowProperties;
import io.docflow.local.LocalAws;
import io.docflow.local.LocalClients;
import io.docflow.local.bedrock.CallCounts;
import io.docflow.local.bedrock.LocalBedrock;

/**
 * The crash scenario's run: N docflow processes on one ingest queue, the corpus uploaded at once, and (unless
 * {@code killEvery} is zero) one process killed with SIGKILL every {@code killEvery}, round-robin, and restarted at
 * once, until every job is final or the deadline passes. Then what the stores hold is counted ({@link StoreAudit}):
 * jobs, result objects, announcements (a queue subscribed to the topic), dead letters.
 */
final class CrashRun {

    /** One run: its processes and settings (buckets, queues, topic and table already named), corpus and kills. */
    record Plan(String id, String label, int processes, Map<String, String> settings, List<Corpus.Document> corpus,
                Duration killEvery, boolean killStarting, Duration deadline, Duration recovery, Duration drain,
                Runnable configureModel) {
    }

    /** The run's figures and what it found wrong (empty when every object has one final job, result, announcement). */
    record Outcome(Measurement measurement, List<String> problems) {
    }

    /** One of the N places a docflow process runs in, like a pod of a deployment: killed, it is started again. */
    private static final class Slot {
        final int number;
        volatile DocflowProcess process;
        volatile boolean killedByHarness;
        int generation;

        Slot(int number) {
            this.number = number;
        }
    }

    private final LocalAws aws;
    private final LocalClients clients;
    private final Runner runner;
    private final Path logs;
    private final List<String> jvmOptions;

    CrashRun(LocalAws aws, LocalClients clients, Runner runner, Path logs, List<String> jvmOptions) {
        this.aws = aws;
        this.clients = clients;
        this.runner = runner;
        this.logs = logs;
        this.jvmOptions = jvmOptions;
    }

    Outcome run(Plan plan) {
        Map<String, String> settings = plan.settings();
        DocflowProperties config = runner.provision(settings);
        LocalBedrock bedrock = aws.bedrock();
        bedrock.reset();
        boolean kills = !plan.killEvery().isZero();
        List<Slot> slots = new ArrayList<>();
        List<Long> restartReadyMillis = new CopyOnWriteArrayList<>();
        List<Map<String, Object>> killLog = new CopyOnWriteArrayList<>();
        int[] killedBeforeReady = {0};
        int[] unexpectedExits = {0};
        ExecutorService background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "crash-" + plan.id());
            t.setDaemon(true);
            return t;
        });
        String prefix = settings.get("docflow.queues.ingest");
        try (Completions completions = Completions.subscribe(clients, config.events().topic(), prefix + "-announced")) {
            for (int i = 1; i <= plan.processes(); i++) {
                Slot slot = new Slot(i);
                slot.process = DocflowProcess.launch(processName(plan, slot), aws, settings, jvmOptions, logs);
                slots.add(slot);
            }
            long launched = System.nanoTime();
            for (Slot slot : slots) {
                slot.process.awaitReady(Duration.ofMinutes(5));
            }
            long initialReady = slots.stream().mapToLong(s -> s.process.readyMillis()).max().orElse(-1);
            System.out.printf("  [%s] %d processes ready in %d s%n", plan.label(), slots.size(),
                    Duration.ofNanos(System.nanoTime() - launched).toSeconds());
            plan.configureModel().run();
            bedrock.resetCounters();

            List<String> keys = Runner.keys(plan.corpus());
            long startMillis = System.currentTimeMillis();
            long startNanos = System.nanoTime();
            Future<?> upload = background.submit(() -> runner.upload(config.buckets().input(), plan.corpus(), new ConcurrentHashMap<>()));
            long deadline = startNanos + plan.deadline().toNanos();
            long nextKill = startNanos + plan.killEvery().toNanos();
            long nextScan = 0;
            long nextPrint = startNanos + 5_000_000_000L;
            int killCount = 0;
            int turn = 0;
            int skippedKills = 0;
            long finals = 0;
            Map<String, StoreAudit.Job> jobs = Map.of();
            boolean allFinal = false;
            while (true) {
                long now = System.nanoTime();
                if (kills && now >= nextKill) {
                    nextKill += plan.killEvery().toNanos();
                    // round-robin; unless killStarting, a process still starting is passed over for the next one
                    // that is up (a start-up on a busy 2-core machine can outlast the processes' turns)
                    Slot slot = null;
                    for (int i = 0; i < slots.size() && slot == null; i++) {
                        Slot candidate = slots.get((turn + i) % slots.size());
                        if (plan.killStarting() || candidate.process.readyMillis() >= 0) {
                            slot = candidate;
                            turn = (turn + i + 1) % slots.size();
                        }
                    }
                    if (slot == null) {
                        skippedKills++;
                        System.out.printf("  [%s] %5.1f s  no process is up: this kill is skipped%n", plan.label(), (now - startNanos) / 1e9);
                        continue;
                    }
                    killCount++;
                    DocflowProcess victim = slot.process;
                    boolean ready = victim.readyMillis() >= 0;
                    slot.killedByHarness = true;
                    long pid = victim.pid();
                    victim.kill();
                    if (!ready) {
                        killedBeforeReady[0]++;
                    }
                    long processing = jobs.values().stream().filter(j -> "PROCESSING".equals(j.status())).count();
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("atSeconds", (now - startNanos) / 1e9);
                    entry.put("process", victim.jvm().name());
                    entry.put("pid", pid);
                    entry.put("wasReady", ready);
                    entry.put("jobsProcessingAtLastScan", processing);
                    killLog.add(entry);
                    System.out.printf("  [%s] %5.1f s  kill #%d: SIGKILL %s (pid %d, %s); restarting it%n", plan.label(),
                            (now - startNanos) / 1e9, killCount, victim.jvm().name(), pid, ready ? "ready" : "still starting");
                    restart(plan, slot, settings, background, restartReadyMillis);
                }
                for (Slot slot : slots) {
                    if (!slot.process.isAlive() && !slot.killedByHarness) {
                        unexpectedExits[0]++;
                        System.out.printf("  [%s] %s ended on its own (exit %d); its log %s ends:%n%s%n", plan.label(),
                                slot.process.jvm().name(), slot.process.jvm().exitValue(), slot.process.log(), slot.process.jvm().logTail(30));
                        restart(plan, slot, settings, background, restartReadyMillis);
                    }
                }
                if (now >= nextScan) {
                    jobs = StoreAudit.jobs(clients, config);
                    finals = jobs.values().stream().filter(StoreAudit.Job::isFinal).count();
                    nextScan = now + 1_000_000_000L;
                    allFinal = upload.isDone() && finals >= keys.size();
                }
                if (now >= nextPrint || allFinal) {
                    CallCounts counts = bedrock.counters(LocalBedrock.ALL_MODELS);
                    System.out.printf("  [%s] %5.0f s  %d/%d final, %d PROCESSING, %d QUEUED; %d kills; model: %d calls%n",
                            plan.label(), (now - startNanos) / 1e9, finals, keys.size(),
                            jobs.values().stream().filter(j -> "PROCESSING".equals(j.status())).count(),
                            jobs.values().stream().filter(j -> "QUEUED".equals(j.status())).count(), killCount, counts.calls());
                    nextPrint = now + 5_000_000_000L;
                }
                if (allFinal) {
                    break;
                }
                if (now > deadline) {
                    System.out.printf("  [%s] deadline of %s passed: %d of %d jobs final%n", plan.label(), plan.deadline(), finals, keys.size());
                    break;
                }
                DocflowProcess.sleep(100);
            }
            long finalWhenKillsStopped = finals;
            double killsStoppedSeconds = (System.nanoTime() - startNanos) / 1e9;
            // Past the deadline kills stop, and the processes get up to `recovery` to finish what is left: a job
            // that stays unfinished then is stuck, not merely interrupted.
            long recoveryUntil = System.nanoTime() + plan.recovery().toNanos();
            long nextRecoveryPrint = 0;
            while (!allFinal && System.nanoTime() < recoveryUntil) {
                DocflowProcess.sleep(2000);
                jobs = StoreAudit.jobs(clients, config);
                finals = jobs.values().stream().filter(StoreAudit.Job::isFinal).count();
                allFinal = upload.isDone() && finals >= keys.size();
                if (System.nanoTime() >= nextRecoveryPrint || allFinal) {
                    System.out.printf("  [%s] %5.0f s  recovery, no more kills: %d/%d final, %d PROCESSING, %d QUEUED%n", plan.label(),
                            (System.nanoTime() - startNanos) / 1e9, finals, keys.size(),
                            jobs.values().stream().filter(j -> "PROCESSING".equals(j.status())).count(),
                            jobs.values().stream().filter(j -> "QUEUED".equals(j.status())).count());
                    nextRecoveryPrint = System.nanoTime() + 10_000_000_000L;
                }
            }
            long allFinalMillis = System.currentTimeMillis();
            upload.get();
            CallCounts counts = bedrock.counters(LocalBedrock.ALL_MODELS);

            // Kills stop. Messages a killed process had taken are still hidden until their visibility timeout runs
            // out; let the surviving processes receive them (a job already final must not be announced again), then
            // wait for the announcements to stop coming.
            long drainUntil = System.nanoTime() + plan.drain().toNanos();
            long left;
            while ((left = StoreAudit.messages(clients, config.queues().ingest())) > 0 && System.nanoTime() < drainUntil) {
                DocflowProcess.sleep(500);
            }
            System.out.printf("  [%s] ingest queue %s after the drain (%d messages left)%n", plan.label(),
                    left == 0 ? "empty" : "NOT empty", left);
            completions.awaitQuiet(Duration.ofSeconds(5), Duration.ofSeconds(60));
            slots.forEach(s -> s.process.close());
            completions.awaitQuiet(Duration.ofSeconds(3), Duration.ofSeconds(30));

            StoreAudit audit = StoreAudit.read(clients, config);
            StoreAudit.Findings findings = audit.check(keys, completions.announcementsPerJob());
            Measurement m = new Measurement(kills ? "with kills" : "without kills");
            findings.figures().forEach(m::put);
            m.put("kills stopped at s", killsStoppedSeconds);
            m.put("jobs final when kills stopped", finalWhenKillsStopped);
            m.put("SIGKILLs", killCount);
            m.put("  of a process still starting", killedBeforeReady[0]);
            m.put("kills skipped (no process up)", skippedKills);
            m.put("processes that ended on their own", unexpectedExits[0]);
            if (!restartReadyMillis.isEmpty()) {
                m.put("restart to readiness UP p50 ms", Measurement.percentile(restartReadyMillis, 50));
            }
            long lastFinish = audit.jobs().values().stream().filter(j -> j.finishedAt() != null)
                    .mapToLong(j -> Instant.parse(j.finishedAt()).toEpochMilli()).max().orElse(allFinalMillis);
            double wall = (lastFinish - startMillis) / 1000.0;
            m.put(Measurement.WALL, wall);
            m.put(Measurement.DOCS_PER_MINUTE, findings.figures().get("jobs in a final status") / (wall / 60));
            m.put(Measurement.CALLS, counts.calls());
            m.put("model calls per document (ratio)", (double) counts.calls() / keys.size());
            m.put(Measurement.READY, initialReady);
            m.details.put("settings", settings);
            m.details.put("jvmOptions", jvmOptions);
            m.details.put("finishedBeforeDeadline", allFinal);
            m.details.put("kills", killLog);
            m.details.put("restartReadyMillis", restartReadyMillis);
            m.details.putAll(findings.details());
            List<String> problems = findings.problems().stream().map(p -> plan.label() + ": " + p).toList();
            if (!problems.isEmpty()) {
                System.out.println("  [" + plan.label() + "] PROBLEMS:");
                problems.forEach(p -> System.out.println("    - " + p));
            }
            return new Outcome(m, problems);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(plan.label() + " failed", e);
        } finally {
            slots.forEach(s -> s.process.close());
            background.shutdownNow();
            bedrock.reset();
        }
    }

    /** A new process in the slot at once; its readiness is awaited on a thread of its own, so kills keep their pace. */
    private void restart(Plan plan, Slot slot, Map<String, String> settings, ExecutorService background, List<Long> readyMillis) {
        slot.generation++;
        DocflowProcess process = DocflowProcess.launch(processName(plan, slot), aws, settings, jvmOptions, logs);
        slot.process = process;
        slot.killedByHarness = false;
        background.submit(() -> {
            try {
                process.awaitReady(Duration.ofMinutes(5));
                readyMillis.add(process.readyMillis());
            } catch (RuntimeException e) {
                // killed (or ended) before it was ready: counted where it was killed
            }
        });
    }

    private static String processName(Plan plan, Slot slot) {
        return plan.id() + "-p" + slot.number + "-" + slot.generation;
    }
}
