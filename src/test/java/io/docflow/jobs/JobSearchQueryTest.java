package io.docflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Searches as DynamoDB queries: which index, key condition, filter, and only the placeholders they use. */
class JobSearchQueryTest {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void allJobsReadOneDayOfTheNewestFirstIndexWithoutAFilter() {
        QueryRequest query = JobSearchQuery.request("jobs", JobSearch.all(20), "2026-12-03").build();

        assertThat(query.tableName()).isEqualTo("jobs");
        assertThat(query.indexName()).isEqualTo(JobIndexes.CREATED_INDEX);
        assertThat(query.keyConditionExpression()).isEqualTo("#createdDay = :day");
        assertThat(query.filterExpression()).isNull();
        assertThat(query.scanIndexForward()).isFalse();
        assertThat(query.expressionAttributeNames()).isEqualTo(Map.of("#createdDay", "createdDay"));
        assertThat(query.expressionAttributeValues()).isEqualTo(Map.of(":day", AttributeValue.fromS("2026-12-03")));
    }

    @Test
    void aStatusReadsItsPartitionOfTheStatusIndexWithinTheTimeRange() {
        JobSearch search = new JobSearch(JobStatus.FAILED, FROM, TO, null, null, null, 20, null);

        QueryRequest query = JobSearchQuery.request("jobs", search, "ignored").build();

        assertThat(query.indexName()).isEqualTo(JobIndexes.STATUS_INDEX);
        assertThat(query.keyConditionExpression()).isEqualTo("#status = :status AND #createdKey BETWEEN :from AND :to");
        assertThat(query.expressionAttributeValues()).containsEntry(":status", AttributeValue.fromS("FAILED"))
                .containsEntry(":from", AttributeValue.fromS("2026-12-01T00:00:00.000000Z"))
                .containsEntry(":to", AttributeValue.fromS("2026-12-03T12:00:00.000000Z"))
                .doesNotContainKey(":day");
    }

    @Test
    void anOpenRangeIsOneComparison() {
        assertThat(JobSearchQuery.request("jobs", new JobSearch(null, FROM, null, null, null, null, 5, null), "2026-12-02")
                .build().keyConditionExpression()).isEqualTo("#createdDay = :day AND #createdKey >= :from");
        assertThat(JobSearchQuery.request("jobs", new JobSearch(null, null, TO, null, null, null, 5, null), "2026-12-02")
                .build().keyConditionExpression()).isEqualTo("#createdDay = :day AND #createdKey < :to");
    }

    @Test
    void classPrefixAndReasonAreAFilterOnTheIndexedQuery() {
        JobSearch search = new JobSearch(JobStatus.NEEDS_REVIEW, null, null, "invoice", "uploads/2026-12-03/",
                FailureReason.FIELDS_NEED_REVIEW, 20, null);

        QueryRequest query = JobSearchQuery.request("jobs", search, null).build();

        assertThat(query.keyConditionExpression()).isEqualTo("#status = :status");
        assertThat(query.filterExpression())
                .isEqualTo("#documentClass = :documentClass AND begins_with(#key, :sourcePrefix) AND #reason = :reason");
        assertThat(query.expressionAttributeNames()).containsOnlyKeys("#status", "#documentClass", "#key", "#reason");
        assertThat(query.expressionAttributeValues()).containsOnlyKeys(":status", ":documentClass", ":sourcePrefix", ":reason")
                .containsEntry(":sourcePrefix", AttributeValue.fromS("uploads/2026-12-03/"))
                .containsEntry(":reason", AttributeValue.fromS("FIELDS_NEED_REVIEW"));
    }

    @Test
    void oneFilterIsNotJoined() {
        QueryRequest query = JobSearchQuery.request("jobs",
                new JobSearch(null, null, null, null, "in/", null, 20, null), "2026-12-03").build();

        assertThat(query.filterExpression()).isEqualTo("begins_with(#key, :sourcePrefix)");
    }
}
