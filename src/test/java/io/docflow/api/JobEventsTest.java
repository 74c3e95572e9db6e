package io.docflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.docflow.config.DocflowProperties;
import io.docflow.jobs.JobFixtures;
import io.docflow.jobs.JobStatus;
import io.docflow.local.ApiTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The live job list over HTTP: a client reads {@code GET /api/v1/jobs/events} as a browser would, gets {@code ready},
 * then a {@code job} event when a job appears and another when its status changes, from the pod's one poller.
 */
@JobsApiContext
class JobEventsTest {

    @LocalServerPort int port;
    @Autowired DynamoDbClient dynamoDb;
    @Autowired DocflowProperties config;
    @Autowired JobEvents events;

    @Test
    void aClientSeesNewJobsAndStatusChangesAsTheyHappen() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/jobs/events")).header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + ApiTokens.token("viewer")).build(),
                HttpResponse.BodyHandlers.ofLines());
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            await().atMost(Duration.ofSeconds(20)).until(() -> lines.contains("event:ready"));
            assertThat(lines.get(0)).as("a comment first, so the response starts at once").startsWith(":");
            assertThat(events.clients()).isPositive();

            JobFixtures fixtures = new JobFixtures(dynamoDb, config.jobs().table());
            String jobId = fixtures.job(config.buckets().input(), "events/" + System.nanoTime() + ".pdf", Instant.now(),
                    JobStatus.QUEUED, null, null);
            await().atMost(Duration.ofSeconds(20)).until(() -> event(lines, jobId, "QUEUED"));

            fixtures.table().markProcessing(jobId, "extract-text");
            await().atMost(Duration.ofSeconds(20)).until(() -> event(lines, jobId, "PROCESSING"));
        } finally {
            response.body().close();
        }
    }

    /** A {@code job} event whose data is the job (as GET /api/v1/jobs/{id} shows it) with that status. */
    private static boolean event(List<String> lines, String jobId, String status) {
        for (int i = 1; i < lines.size(); i++) {
            String data = lines.get(i);
            if (lines.get(i - 1).startsWith("id:" + jobId) || lines.get(i - 1).equals("event:job")) {
                if (data.startsWith("data:") && data.contains("\"jobId\":\"" + jobId + "\"")
                        && data.contains("\"status\":\"" + status + "\"")) {
                    return true;
                }
            }
        }
        return false;
    }
}
