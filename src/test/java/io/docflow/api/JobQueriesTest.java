package io.docflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.docflow.jobs.JobAttributes;
import io.docflow.jobs.JobRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class JobQueriesTest {

    private static final String JOB_ID = "5f0c4e9e-8a52-3c1e-9d0e-2b8f1a7c6d41";

    @Test
    void onlyUuidsAreJobIds() {
        assertThat(JobQueries.isJobId(JOB_ID)).isTrue();
        assertThat(JobQueries.isJobId("../results/other.json")).isFalse();
        assertThat(JobQueries.isJobId("")).isFalse();
    }

    @Test
    void anIdThatCannotBeAJobIsNotFoundWithoutAskingTheTable() {
        JobQueries queries = new JobQueries(null, null, null); // no table: asking it would fail differently

        assertThatThrownBy(() -> queries.job("not-a-job"))
                .isInstanceOf(JobNotFoundException.class).hasMessage("No job with id not-a-job");
    }

    @Test
    void theStatusShowsTheJobsOutcomeSourceAndResultInAFixedOrder() {
        JobRecord job = JobRecord.of(Map.of(
                JobAttributes.JOB_ID, AttributeValue.fromS(JOB_ID),
                JobAttributes.STATUS, AttributeValue.fromS("NEEDS_REVIEW"),
                JobAttributes.BUCKET, AttributeValue.fromS("in"),
                JobAttributes.KEY, AttributeValue.fromS("a.pdf"),
                JobAttributes.RECEIVED_VIA, AttributeValue.fromS("http"),
                JobAttributes.DOCUMENT_CLASS, AttributeValue.fromS("invoice"),
                JobAttributes.CONFIDENCE, AttributeValue.fromN("0.8"),
                JobAttributes.REASON, AttributeValue.fromS("INVALID_MODEL_OUTPUT"),
                JobAttributes.STAGE_MILLIS, AttributeValue.fromM(Map.of("classify", AttributeValue.fromN("120"))),
                JobAttributes.RESULT_LOCATION, AttributeValue.fromS("s3://results/results/" + JOB_ID + ".json")));

        Map<String, Object> status = JobQueries.status(job);

        assertThat(status).containsKeys("jobId", "status", "documentClass", "confidence", "reason", "error", "source",
                "receivedVia", "createdAt", "finishedAt", "model", "costUsd", "stageMillis", "keyFields", "resultLocation");
        assertThat(status.keySet()).startsWith("jobId", "status", "documentClass").endsWith("resultLocation");
        assertThat(status.get("jobId")).isEqualTo(JOB_ID);
        assertThat(status.get("status")).isEqualTo("NEEDS_REVIEW");
        assertThat(status.get("confidence")).isEqualTo(0.8);
        assertThat(status.get("reason")).isEqualTo("INVALID_MODEL_OUTPUT");
        assertThat(status.get("error")).isNull();
        assertThat(status.get("source")).isEqualTo(Map.of("bucket", "in", "key", "a.pdf"));
        assertThat(status.get("stageMillis")).isEqualTo(Map.of("classify", 120L));
        assertThat(status.get("resultLocation")).isEqualTo("s3://results/results/" + JOB_ID + ".json");
    }
}
