package io.docflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Local S3 announces new objects on the ingest queue exactly as S3 does; the services stop without leftovers. */
class LocalS3NotificationsTest {

    private static final DocflowProperties DEFAULTS =
            new Binder(new MapConfigurationPropertySource()).bindOrCreate("docflow", DocflowProperties.class);

    @Test
    void objectCreatedInTheInputBucketArrivesAsAnS3EventNotification() throws Exception {
        LocalPorts ports = LocalPorts.free();
        try (LocalAws aws = LocalAws.start(ports); LocalClients clients = new LocalClients(aws)) {
            new LocalProvisioner(aws, clients).provision(DEFAULTS);
            String queueUrl = clients.sqs().getQueueUrl(b -> b.queueName(DEFAULTS.queues().ingest())).queueUrl();
            String key = "inbound/Jänner invoice+1 (copy).pdf";
            String eTag = clients.s3().putObject(b -> b.bucket(DEFAULTS.buckets().input()).key(key),
                    RequestBody.fromString("%PDF-1.4 hello")).eTag();
            clients.s3().putObject(b -> b.bucket(DEFAULTS.buckets().results()).key("not-announced.json"),
                    RequestBody.fromString("{}"));

            // both of S3's ways: the S3 event notification and, through the EventBridge rule, "Object Created"
            List<JsonNode> messages = receive(clients, queueUrl, 2);
            assertThat(messages).hasSize(2);
            JsonNode eventBridge = messages.stream().filter(m -> m.has("detail-type")).findFirst().orElseThrow();
            assertThat(eventBridge.get("source").asText()).isEqualTo("aws.s3");
            assertThat(eventBridge.at("/detail/object/key").asText()).isEqualTo(key);
            assertThat(eventBridge.at("/detail/reason").asText()).isEqualTo("PutObject");
            JsonNode record = messages.stream().filter(m -> m.has("Records")).findFirst().orElseThrow().get("Records").get(0);
            assertThat(record.get("eventVersion").asText()).isEqualTo("2.1");
            assertThat(record.get("eventSource").asText()).isEqualTo("aws:s3");
            assertThat(record.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
            assertThat(record.get("awsRegion").asText()).isEqualTo(LocalAws.REGION);
            JsonNode s3 = record.get("s3");
            assertThat(s3.get("bucket").get("name").asText()).isEqualTo(DEFAULTS.buckets().input());
            assertThat(s3.get("bucket").get("arn").asText()).isEqualTo("arn:aws:s3:::" + DEFAULTS.buckets().input());
            assertThat(s3.get("object").get("key").asText()).isEqualTo("inbound/J%C3%A4nner+invoice%2B1+%28copy%29.pdf");
            assertThat(s3.get("object").get("size").asLong()).isEqualTo("%PDF-1.4 hello".length());
            assertThat(s3.get("object").get("eTag").asText()).isEqualTo(eTag.replace("\"", ""));
            assertThat(s3.get("object").get("sequencer").asText()).matches("[0-9A-F]{18}");

            JsonNode redrive = new ObjectMapper().readTree(clients.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY));
            assertThat(redrive.get("deadLetterTargetArn").asText()).endsWith(":" + DEFAULTS.queues().ingestDlq());
            assertThat(redrive.get("maxReceiveCount").asInt()).isEqualTo(DEFAULTS.queues().ingestMaxReceiveCount());
        }
        assertPortsFree(ports);
    }

    @Test
    void aMultipartUploadIsAnnouncedOnceForTheRealObjectAndNeverForS3ProxysStub() throws Exception {
        try (LocalAws aws = LocalAws.start(LocalPorts.free()); LocalClients clients = new LocalClients(aws)) {
            new LocalProvisioner(aws, clients).provision(DEFAULTS);
            String queueUrl = clients.sqs().getQueueUrl(b -> b.queueName(DEFAULTS.queues().ingest())).queueUrl();
            String bucket = DEFAULTS.buckets().input();
            String key = "big/scan in parts.pdf";
            byte[] part = new byte[5 * 1024 * 1024];
            new java.util.Random(7).nextBytes(part);

            String uploadId = clients.s3().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
            List<software.amazon.awssdk.services.s3.model.CompletedPart> parts = new java.util.ArrayList<>();
            for (int number = 1; number <= 3; number++) {
                int partNumber = number;
                String eTag = clients.s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                        .partNumber(partNumber), RequestBody.fromBytes(part)).eTag();
                parts.add(software.amazon.awssdk.services.s3.model.CompletedPart.builder()
                        .partNumber(partNumber).eTag(eTag).build());
            }
            clients.s3().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));

            List<JsonNode> messages = receive(clients, queueUrl, 2);
            // nothing more is announced (the stub, a second announcement): the queue stays empty for a while
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> {
                messages.addAll(drain(clients, queueUrl));
                return messages.size() == 2;
            });
            assertThat(messages).hasSize(2);
            JsonNode record = messages.stream().filter(m -> m.has("Records")).findFirst().orElseThrow().get("Records").get(0);
            assertThat(record.get("eventName").asText()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
            assertThat(record.at("/s3/object/key").asText()).isEqualTo("big/scan+in+parts.pdf");
            assertThat(record.at("/s3/object/size").asLong()).isEqualTo(3L * part.length);
            JsonNode eventBridge = messages.stream().filter(m -> m.has("detail-type")).findFirst().orElseThrow();
            assertThat(eventBridge.at("/detail/object/key").asText()).isEqualTo(key);
            assertThat(eventBridge.at("/detail/reason").asText()).isEqualTo("CompleteMultipartUpload");
        }
    }

    private static List<JsonNode> drain(LocalClients clients, String queueUrl) throws IOException {
        List<JsonNode> received = new java.util.ArrayList<>();
        for (Message m : clients.sqs().receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(0).maxNumberOfMessages(10)).messages()) {
            received.add(new ObjectMapper().readTree(m.body()));
        }
        return received;
    }

    private static List<JsonNode> receive(LocalClients clients, String queueUrl, int count) {
        List<JsonNode> received = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (Message m : clients.sqs().receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10)).messages()) {
                received.add(new ObjectMapper().readTree(m.body()));
                clients.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
            return received.size() >= count;
        });
        return received;
    }

    static void assertPortsFree(LocalPorts ports) {
        for (int port : new int[] {ports.s3(), ports.sqs(), ports.dynamodb()}) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    assertThat(socket.getLocalPort()).isEqualTo(port);
                } catch (IOException e) {
                    throw new AssertionError("port " + port + " is still bound after the local services stopped", e);
                }
            });
        }
    }
}
