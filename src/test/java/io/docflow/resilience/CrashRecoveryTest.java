package io.docflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A docflow process killed with SIGKILL in the middle of its documents loses nothing: after a restart every object
 * has exactly one result and one announcement. docflow runs as a child JVM against the test's local AWS, on a
 * queue and bucket of its own so no other docflow in this JVM competes for the messages.
 */
class CrashRecoveryTest {

    private static final String MODEL = "cohere.command-r-v1:0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalAws aws = LocalAwsInitializer.sharedServices();
    private final LocalBedrock bedrock = aws.bedrock();
    private final List<DocflowChild> children = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        children.forEach(DocflowChild::close);
        bedrock.clearLatency();
    }

    @Test
    void killedMidDocumentThenRestartedEveryObjectHasOneResultAndOneAnnouncement() throws Exception {
        Map<String, String> settings = crashSettings();
        DocflowProperties config = new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("docflow", DocflowProperties.class);
        try (LocalClients clients = new LocalClients(aws)) {
            new LocalProvisioner(aws, clients).provision(config);
            String announcements = subscribe(clients, config);
            bedrock.setLatency(MODEL, Latency.fixed(Duration.ofSeconds(2)));

            DocflowChild first = start(settings, "first");
            List<String> jobIds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String key = "crash/invoice-" + i + ".txt";
                byte[] text = ("INVOICE\nInvoice Number: CRASH-" + i + "\nTotal: $" + (10 + i) + ".00\n").getBytes();
                String eTag = clients.s3().putObject(b -> b.bucket(config.buckets().input()).key(key), RequestBody.fromBytes(text)).eTag();
                jobIds.add((new SourceObject(config.buckets().input(), key, text.length, eTag, null, null, "t")).jobId());
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> jobIds.stream().anyMatch(id -> "PROCESSING".equals(status(clients, config, id))));
            first.kill();
            assertThat(jobIds.stream().filter(id -> isFinal(status(clients, config, id))).count()).as("finished before the kill").isLessThan(4);

            bedrock.clearLatency();
            start(settings, "restarted");
            await().atMost(Duration.ofSeconds(90)).until(() -> jobIds.stream().allMatch(id -> announced(clients, config, id)));

            Map<String, Integer> announcementsPerJob = collectAnnouncements(clients, announcements, Duration.ofSeconds(4));
            for (String jobId : jobIds) {
                var job = item(clients, config, jobId);
                assertThat(job.get("status").s()).isEqualTo("COMPLETED");
                assertThat(clients.s3().headObject(b -> b.bucket(config.buckets().results()).key("results/" + jobId + ".json"))
                        .contentLength()).isPositive();
                assertThat(announcementsPerJob.getOrDefault(jobId, 0)).as("announcements of %s", jobId).isEqualTo(1);
            }
            assertThat(jobIds.stream().mapToInt(id -> Integer.parseInt(item(clients, config, id).get("attempts").n())).max().orElse(0))
                    .as("a job interrupted by the kill was resumed").isGreaterThanOrEqualTo(2);
        }
    }

    private Map<String, String> crashSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("docflow.buckets.input", "crash-input");
        settings.put("docflow.queues.ingest", "crash-ingest");
        settings.put("docflow.queues.ingest-dlq", "crash-ingest-dlq");
        settings.put("docflow.events.topic", "crash-document-events");
        settings.put("docflow.models.classification", MODEL);
        settings.put("docflow.models.extraction", MODEL);
        settings.put("docflow.models.fallback", "");
        // messages of the killed process come back quickly (their visibility is not extended any more)
        settings.put("docflow.ingest.visibility-timeout-seconds", "4");
        return settings;
    }

    private DocflowChild start(Map<String, String> settings, String name) throws IOException {
        DocflowChild child = DocflowChild.start(aws, List.of("-Xmx512m"), settings, Path.of("target/crash-recovery-" + name + ".log"));
        children.add(child);
        return child;
    }

    private static String subscribe(LocalClients clients, DocflowProperties config) {
        String queue = clients.sqs().createQueue(b -> b.queueName("crash-announcements")).queueUrl();
        String arn = clients.sqs().getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String topic = clients.sns().createTopic(b -> b.name(config.events().topic())).topicArn();
        clients.sns().subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(arn));
        return queue;
    }

    private static Map<String, Integer> collectAnnouncements(LocalClients clients, String queue, Duration quiet) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        long quietUntil = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < quietUntil) {
            List<Message> messages = clients.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            for (Message m : messages) {
                JsonNode message = JSON.readTree(JSON.readTree(m.body()).get("Message").asText());
                counts.merge(message.get("jobId").asText(), 1, Integer::sum);
                clients.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
            }
        }
        return counts;
    }

    private static Map<String, AttributeValue> item(LocalClients clients, DocflowProperties config, String jobId) {
        return clients.dynamoDb().getItem(b -> b.tableName(config.jobs().table())
                .key(Map.of("jobId", AttributeValue.fromS(jobId))).consistentRead(true)).item();
    }

    private static String status(LocalClients clients, DocflowProperties config, String jobId) {
        var item = item(clients, config, jobId);
        return item == null || !item.containsKey("status") ? null : item.get("status").s();
    }

    private static boolean isFinal(String status) {
        return "COMPLETED".equals(status) || "FAILED".equals(status) || "NEEDS_REVIEW".equals(status);
    }

    private static boolean announced(LocalClients clients, DocflowProperties config, String jobId) {
        var item = item(clients, config, jobId);
        return item != null && item.containsKey("announced");
    }

}
