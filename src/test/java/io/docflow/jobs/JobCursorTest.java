package io.docflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Cursors: opaque, round-trip to a DynamoDB start key, and refused when they do not fit the search. */
class JobCursorTest {

    private static final String JOB = "5f0c4e9e-8a52-3c1e-9d0e-2b8f1a7c6d41";
    private static final String KEY = "2026-12-02T08:00:00.000000Z#" + JOB;
    private static final JobSearch ALL = JobSearch.all(20);
    private static final JobSearch FAILED = new JobSearch(JobStatus.FAILED, null, null, null, null, null, 20, null);

    private static Map<String, AttributeValue> dayKey(String day, String createdKey) {
        return Map.of("jobId", AttributeValue.fromS(JOB), "createdDay", AttributeValue.fromS(day),
                "createdKey", AttributeValue.fromS(createdKey));
    }

    @Test
    void aCursorIsBase64UrlAndComesBackAsTheSameStartKey() {
        String cursor = JobCursor.after("2026-12-02", dayKey("2026-12-02", KEY)).encode(ALL);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        JobCursor back = JobCursor.decode(cursor, ALL, "2026-12-03");
        assertThat(back.day()).isEqualTo("2026-12-02");
        assertThat(back.exclusiveStartKey()).isEqualTo(dayKey("2026-12-02", KEY));
    }

    @Test
    void theStartOfADayHasNoKey() {
        JobCursor back = JobCursor.decode(JobCursor.startOfDay("2026-12-01").encode(ALL), ALL, "2026-12-03");

        assertThat(back).isEqualTo(JobCursor.startOfDay("2026-12-01"));
        assertThat(back.exclusiveStartKey()).isNull();
    }

    @Test
    void aStatusCursorCarriesTheStatusKeyAndNoDay() {
        Map<String, AttributeValue> key = Map.of("jobId", AttributeValue.fromS(JOB), "status", AttributeValue.fromS("FAILED"),
                "createdKey", AttributeValue.fromS(KEY));
        JobCursor back = JobCursor.decode(JobCursor.after(null, key).encode(FAILED), FAILED, null);

        assertThat(back.day()).isNull();
        assertThat(back.exclusiveStartKey()).isEqualTo(key);
    }

    @Test
    void garbageIsRefused() {
        assertRefused("not a cursor!", ALL, "not base64url JSON");
        assertRefused(encode("[1,2]"), ALL, "unknown format");
        assertRefused(encode("{\"v\":2}"), ALL, "unknown format");
        assertRefused("A".repeat(JobCursor.MAX_LENGTH + 1), ALL, "longer");
    }

    @Test
    void aCursorOfAnotherSearchIsRefused() {
        String cursor = JobCursor.after("2026-12-02", dayKey("2026-12-02", KEY)).encode(ALL);
        JobSearch invoices = new JobSearch(null, null, null, "invoice", null, null, 20, null);

        assertRefused(cursor, invoices, "another search");
        assertThat(JobCursor.decode(cursor, JobSearch.all(50), "2026-12-03")).as("the page size may change").isNotNull();
    }

    @Test
    void anEditedPositionIsRefused() {
        String q = ALL.fingerprint();
        assertRefused(encode("{\"v\":1,\"q\":\"" + q + "\",\"d\":\"2026-12-02\",\"k\":{\"jobId\":\"" + JOB + "\"}}"),
                ALL, "not a key of this search's index");
        assertRefused(encode("{\"v\":1,\"q\":\"" + q + "\",\"d\":\"2026-12-02\",\"k\":{\"jobId\":\"" + JOB
                + "\",\"createdDay\":\"2026-12-02\",\"createdKey\":\"2026-12-02#x\"}}"), ALL, "not a job's key");
        assertRefused(encode("{\"v\":1,\"q\":\"" + q + "\",\"d\":\"2026-12-02\",\"k\":{\"jobId\":\"" + JOB
                + "\",\"createdDay\":\"2026-12-01\",\"createdKey\":\"" + KEY + "\"}}"), ALL, "outside this search");
        assertRefused(encode("{\"v\":1,\"q\":\"" + q + "\",\"d\":\"2026-12-02\",\"k\":{\"jobId\":1,"
                + "\"createdDay\":\"2026-12-02\",\"createdKey\":\"" + KEY + "\"}}"), ALL, "not a key");
        assertRefused(encode("{\"v\":1,\"q\":\"" + q + "\",\"d\":\"2027-01-01\"}"), ALL, "day lies outside");
        assertRefused(encode("{\"v\":1,\"q\":\"" + q + "\"}"), ALL, "day partition");
    }

    @Test
    void aStatusCursorForAnotherStatusOrWithADayIsRefused() {
        JobSearch queued = new JobSearch(JobStatus.QUEUED, null, null, null, null, null, 20, null);
        Map<String, AttributeValue> failedKey = Map.of("jobId", AttributeValue.fromS(JOB),
                "status", AttributeValue.fromS("FAILED"), "createdKey", AttributeValue.fromS(KEY));
        // same criteria fingerprint cannot be forged without the status, so build one for QUEUED with a FAILED key
        String forged = JobCursor.after(null, failedKey).encode(queued);

        assertRefused(forged, queued, "outside this search");
        assertRefused(JobCursor.startOfDay("2026-12-02").encode(FAILED), FAILED, "day partition");
    }

    @Test
    void aPositionOutsideTheTimeRangeIsRefused() {
        JobSearch december3 = new JobSearch(null, Instant.parse("2026-12-03T00:00:00Z"), Instant.parse("2026-12-04T00:00:00Z"),
                null, null, null, 20, null);

        assertRefused(JobCursor.after("2026-12-02", dayKey("2026-12-02", KEY)).encode(december3), december3, "outside this search");
    }

    private static void assertRefused(String cursor, JobSearch search, String message) {
        assertThatThrownBy(() -> JobCursor.decode(cursor, search, search.status() == null ? "2026-12-03" : null))
                .isInstanceOf(InvalidCursorException.class).hasMessageContaining(message);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
