package io.docflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.docflow.bench.Completions;
import io.docflow.bench.DocflowProcess;
import io.docflow.bench.StoreAudit;
import io.docflow.config.DocflowProperties;
import io.docflow.ingest.SourceObject;
import io.docflow.local.LocalAws;
import io.docflow.local.LocalAwsInitializer;
import io.docflow.local.LocalClients;
import io.docflow.local.LocalProvisioner;
import io.docflow.local.bedrock.LocalBedrock;
import io.docflow.local.bedrock.Latency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A docflow process killed with SIGKILL in the middle of its documents loses nothing: after a restart every object
 * has exactly one result and one announcement. docflow runs as a child JVM against the test's local AWS, on a
 * queue and bucket of its own so no other docflow in this JVM competes for the messages. The benchmark harness's
 * crash scenario does the same at scale (docs/benchmarks.md, "Crash"), with the same child JVM, subscriber and audit.
 */
class CrashRecoveryTest {

    private static final String MODEL = "cohere.command-r-v1:0";

    private final LocalAws aws = LocalAwsInitializer.sharedServices();
    private final LocalBedrock bedrock = aws.bedrock();
    private final List<DocflowProcess> children = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        children.forEach(DocflowProcess::kill);
        bedrock.clearLatency();
    }

    @Test
    void killedMidDocumentThenRestartedEveryObjectHasOneResultAndOneAnnouncement() throws Exception {
        Map<String, String> settings = crashSettings();
        DocflowProperties config = new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("docflow", DocflowProperties.class);
        try (LocalClients clients = new LocalClients(aws)) {
            new LocalProvisioner(aws, clients).provision(config);
            bedrock.setLatency(MODEL, Latency.fixed(Duration.ofSeconds(2)));
            try (Completions announcements = Completions.subscribe(clients, config.events().topic(), "crash-announcements")) {
                DocflowProcess first = start(settings, "first");
                List<String> jobIds = new ArrayList<>();
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String key = "crash/invoice-" + i + ".txt";
                    byte[] text = ("ACME Supplies Ltd\nINVOICE\nInvoice Number: CRASH-" + i + "\nTotal: $" + (10 + i) + ".00\n").getBytes();
                    String eTag = clients.s3().putObject(b -> b.bucket(config.buckets().input()).key(key), RequestBody.fromBytes(text)).eTag();
                    jobIds.add((new SourceObject(config.buckets().input(), key, text.length, eTag, null, null, "t")).jobId());
                    keys.add(key);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> jobIds.stream().anyMatch(id -> "PROCESSING".equals(status(clients, config, id))));
                first.kill();
                assertThat(jobIds.stream().filter(id -> isFinal(status(clients, config, id))).count()).as("finished before the kill").isLessThan(4);

                bedrock.clearLatency();
                start(settings, "restarted");
                await().atMost(Duration.ofSeconds(90)).until(() -> jobIds.stream().allMatch(id -> announcements.announcementsOf(id) > 0));
                announcements.awaitQuiet(Duration.ofSeconds(4), Duration.ofSeconds(30));

                StoreAudit audit = StoreAudit.read(clients, config);
                assertThat(audit.check(keys, announcements.announcementsPerJob()).problems()).isEmpty();
                for (String jobId : jobIds) {
                    assertThat(audit.jobs().get(jobId).status()).isEqualTo("COMPLETED");
                    assertThat(clients.s3().headObject(b -> b.bucket(config.buckets().results()).key("results/" + jobId + ".json"))
                            .contentLength()).isPositive();
                    assertThat(announcements.announcementsOf(jobId)).as("announcements of %s", jobId).isEqualTo(1);
                }
                assertThat(jobIds.stream().mapToInt(id -> audit.jobs().get(id).attempts()).max().orElse(0))
                        .as("a job interrupted by the kill was resumed").isGreaterThanOrEqualTo(2);
            }
        }
    }

    private Map<String, String> crashSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("docflow.buckets.input", "crash-input");
        // a results bucket and jobs table of its own too: the audit counts everything in them
        settings.put("docflow.buckets.results", "crash-results");
        settings.put("docflow.jobs.table", "crash-jobs");
        settings.put("docflow.queues.ingest", "crash-ingest");
        settings.put("docflow.queues.ingest-dlq", "crash-ingest-dlq");
        settings.put("docflow.events.topic", "crash-document-events");
        settings.put("docflow.models.classification", MODEL);
        settings.put("docflow.models.extraction", MODEL);
        settings.put("docflow.models.fallback", "");
        // messages of the killed process come back quickly (their visibility is not extended any more)
        settings.put("docflow.ingest.visibility-timeout-seconds", "4");
        settings.put("docflow.ingest.wait-time-seconds", "1");
        return settings;
    }

    private DocflowProcess start(Map<String, String> settings, String name) {
        // ready within 180 s: a child JVM starts in ~15 s alone, but took over 60 s on 2 cores shared with other builds
        DocflowProcess process = DocflowProcess.start("crash-recovery-" + name, aws, settings, List.of("-Xmx512m"), Path.of("target"));
        children.add(process);
        return process;
    }

    private static String status(LocalClients clients, DocflowProperties config, String jobId) {
        StoreAudit.Job job = StoreAudit.jobs(clients, config).get(jobId);
        return job == null ? null : job.status();
    }

    private static boolean isFinal(String status) {
        return "COMPLETED".equals(status) || "FAILED".equals(status) || "NEEDS_REVIEW".equals(status);
    }
}
