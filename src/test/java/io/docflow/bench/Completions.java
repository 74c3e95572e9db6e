package io.docflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.local.LocalClients;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Learns every job's final status the way a downstream consumer would: a queue subscribed to docflow's SNS topic.
 * A background thread receives the announcements and records them by object key, so the harness neither scans
 * the jobs table nor polls results while the run is measured. Every announcement is also counted per job id, so a
 * job announced twice shows (the crash scenario, io.docflow.resilience.CrashRecoveryTest).
 */
public final class Completions implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One announcement: the job, its final status, and when the harness received it (epoch ms). */
    record Completion(String jobId, String key, String status, String reason, long receivedAtMillis) {
    }

    private final LocalClients clients;
    private final String queueUrl;
    private final Map<String, Completion> byKey = new ConcurrentHashMap<>();
    private final Map<String, Integer> perJob = new ConcurrentHashMap<>();
    private final java.util.Set<String> seen = ConcurrentHashMap.newKeySet();
    private volatile long lastReceivedNanos = System.nanoTime();
    private final Thread receiver;
    private volatile boolean running = true;

    private Completions(LocalClients clients, String queueUrl) {
        this.clients = clients;
        this.queueUrl = queueUrl;
        this.receiver = new Thread(this::receive, "bench-completions");
        receiver.setDaemon(true);
        receiver.start();
    }

    /** Subscribes a new queue {@code queueName} to the SNS topic {@code topic} and starts receiving. */
    public static Completions subscribe(LocalClients clients, String topic, String queueName) {
        String queue = clients.sqs().createQueue(b -> b.queueName(queueName)).queueUrl();
        String arn = clients.sqs().getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String topicArn = clients.sns().createTopic(b -> b.name(topic)).topicArn();
        clients.sns().subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(arn));
        return new Completions(clients, queue);
    }

    private void receive() {
        while (running) {
            try {
                List<Message> messages = clients.sqs().receiveMessage(b -> b.queueUrl(queueUrl)
                        .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
                long now = System.currentTimeMillis();
                List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
                for (Message m : messages) {
                    JsonNode envelope = JSON.readTree(m.body());
                    JsonNode message = JSON.readTree(envelope.path("Message").asText());
                    String key = message.path("key").asText();
                    // one count per SNS publish: the same delivery received twice (the harness slow to delete it) is not a duplicate
                    if (seen.add(envelope.path("MessageId").asText(m.messageId()))) {
                        perJob.merge(message.path("jobId").asText(), 1, Integer::sum);
                    }
                    lastReceivedNanos = System.nanoTime();
                    byKey.putIfAbsent(key, new Completion(message.path("jobId").asText(), key,
                            message.path("status").asText(), message.path("reason").asText(null), now));
                    done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                            .receiptHandle(m.receiptHandle()).build());
                }
                if (!done.isEmpty()) {
                    clients.sqs().deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done));
                }
            } catch (Exception e) {
                if (running) {
                    System.err.println("completions: " + e);
                    DocflowProcess.sleep(200);
                }
            }
        }
    }

    /** Announcements received per job id, duplicates included. */
    public Map<String, Integer> announcementsPerJob() {
        return Map.copyOf(perJob);
    }

    /** Announcements received per job id, duplicates included. */
    public int announcementsOf(String jobId) {
        return perJob.getOrDefault(jobId, 0);
    }

    /** Waits until no announcement has arrived for {@code quiet} (late duplicates included), at most {@code max}. */
    public void awaitQuiet(java.time.Duration quiet, java.time.Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() - lastReceivedNanos < quiet.toNanos() && System.nanoTime() < deadline) {
            DocflowProcess.sleep(200);
        }
    }

    int count() {
        return byKey.size();
    }

    Completion get(String key) {
        return byKey.get(key);
    }

    long countIn(java.util.Collection<String> keys) {
        return keys.stream().filter(byKey::containsKey).count();
    }

    long failedIn(java.util.Collection<String> keys) {
        return keys.stream().map(byKey::get).filter(c -> c != null && !"COMPLETED".equals(c.status())).count();
    }

    @Override
    public void close() {
        running = false;
        try {
            receiver.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
