package io.docflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The README's first command, in a test: local mode starts, a file dropped in the inbox becomes a job, Ctrl-C frees all. */
class LocalModeTest {

    @Test
    void aFileDroppedInTheInboxBecomesAJobAndClosingFreesEverything(@TempDir Path dir) throws Exception {
        Set<Thread> threadsBefore = liveNonDaemonThreads();
        LocalPorts ports = LocalPorts.free();
        Path inbox = dir.resolve("inbox");
        int httpPort;
        try (var context = LocalDocflow.start(ports, inbox, dir, "--server.port=0")) {
            httpPort = ((WebServerApplicationContext) context).getWebServer().getPort();
            JsonNode info = new ObjectMapper().readTree(dir.resolve("docflow-local.json").toFile());
            assertThat(info.get("docflow").asText()).isEqualTo("http://127.0.0.1:" + httpPort);
            assertThat(info.get("endpoints").get("s3").asText()).isEqualTo("http://127.0.0.1:" + ports.s3());
            assertThat(info.get("endpoints").get("sqs").asText()).isEqualTo("http://127.0.0.1:" + ports.sqs());
            assertThat(info.get("endpoints").get("dynamodb").asText()).isEqualTo("http://127.0.0.1:" + ports.dynamodb());
            assertThat(info.get("buckets").get("input").asText()).isEqualTo("docflow-input");
            assertThat(info.get("queues").get("ingest").asText()).isEqualTo("docflow-ingest");
            assertThat(info.get("table").asText()).isEqualTo("docflow-jobs");
            assertThat(info.get("endpoints").get("issuer").asText()).isEqualTo("http://127.0.0.1:" + ports.issuer());
            assertThat(info.get("tokens").properties()).extracting(java.util.Map.Entry::getKey)
                    .containsExactly("viewer", "submitter", "reviewer", "admin");
            // the printed tokens are for this docflow's API; without one it answers 401
            var http = java.net.http.HttpClient.newHttpClient();
            var unknownJob = java.net.URI.create(info.get("docflow").asText() + "/api/v1/jobs/" + java.util.UUID.randomUUID());
            assertThat(http.send(java.net.http.HttpRequest.newBuilder(unknownJob)
                    .header("Authorization", "Bearer " + info.at("/tokens/viewer").asText()).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
            assertThat(http.send(java.net.http.HttpRequest.newBuilder(unknownJob).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);

            Files.writeString(inbox.resolve("dropped note.txt"), "Dear team, the report is attached.");

            LocalAws aws = context.getBean(LocalAws.class);
            try (LocalClients clients = new LocalClients(aws)) {
                var jobs = await().atMost(Duration.ofSeconds(30)).until(
                        () -> clients.dynamoDb().scan(b -> b.tableName("docflow-jobs")).items(),
                        items -> !items.isEmpty() && items.get(0).containsKey("announced"));
                assertThat(jobs).singleElement().satisfies(job -> {
                    assertThat(job.get("key")).isEqualTo(AttributeValue.fromS("dropped note.txt"));
                    assertThat(job.get("status")).isEqualTo(AttributeValue.fromS("COMPLETED"));
                });
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(inbox.resolve(".uploaded/dropped note.txt")));
        }
        LocalS3NotificationsTest.assertPortsFree(ports);
        LocalS3NotificationsTest.assertPortsFree(new LocalPorts(httpPort, httpPort, httpPort, 0, 0, 0, 0, 0));
        LocalS3NotificationsTest.assertPortsFree(new LocalPorts(ports.issuer(), ports.issuer(), ports.issuer(), 0, 0, 0, 0, 0));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(names(liveNonDaemonThreads(), threadsBefore)).as("threads left running").isEmpty());
    }

    private static Set<Thread> liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }

    private static Set<String> names(Set<Thread> now, Set<Thread> before) {
        return now.stream()
                .filter(t -> !before.contains(t) && !t.getName().startsWith("awaitility"))
                .map(t -> t.getName() + " at " + java.util.Arrays.toString(t.getStackTrace()))
                .collect(Collectors.toSet());
    }

}
