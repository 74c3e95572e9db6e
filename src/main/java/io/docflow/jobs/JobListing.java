package io.docflow.jobs;

import static io.docflow.jobs.JobAttributes.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Lists jobs newest first through the listing indexes ({@link JobIndexes}), never a scan. A search with a status
 * reads that status's partition of the status index; any other reads the newest-first index one day after the other,
 * from the newest day of the search down to its oldest (the day of {@code from}, or the day of the oldest job).
 * <p>
 * A page holds {@code limit} jobs: DynamoDB's Limit counts the items it reads before the filter, so the listing keeps
 * querying (from where the last query stopped, then the day before) until the page is full or the search's end, and
 * asks for one job more than it needs, so that a full page knows whether another follows. The number of queries per
 * page is bounded: when it is reached (very selective filters, or long runs of days without jobs), the page ends early
 * with a cursor to continue from.
 */
final class JobListing {

    /** Items a filtered query reads at once: a filter drops an unknown share of them. */
    static final int FILTERED_BATCH = 100;
    private static final Duration OLDEST_DAY_CACHE = Duration.ofMinutes(1);
    /** Clocks of other pods may run a little ahead: their jobs' days may start a little before ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final int maxQueriesPerPage;
    private volatile OldestDay oldestDay;

    private record OldestDay(String day, Instant askedAt) {
    }

    JobListing(DynamoDbClient dynamoDb, String table, Clock clock, int maxQueriesPerPage) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
        this.maxQueriesPerPage = maxQueriesPerPage;
    }

    JobPage list(JobSearch search) {
        boolean byStatus = search.status() != null;
        String latestDay = byStatus ? null : latestDay(search);
        JobCursor position = search.cursor() != null ? JobCursor.decode(search.cursor(), search, latestDay)
                : byStatus ? new JobCursor(null, null) : JobCursor.startOfDay(latestDay);
        String oldestDay = byStatus ? null : search.from() != null ? JobIndexes.createdDay(search.from()) : oldestDay();
        if (!byStatus && (oldestDay == null || position.day().compareTo(oldestDay) < 0)) {
            return new JobPage(List.of(), null);
        }

        List<Map<String, AttributeValue>> page = new ArrayList<>();
        String day = position.day();
        Map<String, AttributeValue> start = position.exclusiveStartKey();
        for (int queries = 1; ; queries++) {
            int wanted = search.limit() - page.size();
            QueryResponse response = dynamoDb.query(JobSearchQuery.request(table, search, day).exclusiveStartKey(start)
                    .limit(search.hasFilter() ? Math.max(wanted + 1, FILTERED_BATCH) : wanted + 1).build());
            for (Map<String, AttributeValue> item : response.items()) {
                if (page.size() == search.limit()) {
                    // one more job follows the page: the next page starts after the page's last job
                    return page(page, JobCursor.after(day, keyOf(page.get(page.size() - 1), byStatus)), search);
                }
                page.add(item);
            }
            if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
                start = response.lastEvaluatedKey();
            } else if (!byStatus && day.compareTo(oldestDay) > 0) {
                day = LocalDate.parse(day).minusDays(1).toString();
                start = null;
            } else {
                return page(page, null, search);
            }
            if (page.size() == search.limit() || queries >= maxQueriesPerPage) {
                return page(page, new JobCursor(day, null).withStart(start), search);
            }
        }
    }

    private static JobPage page(List<Map<String, AttributeValue>> items, JobCursor next, JobSearch search) {
        return new JobPage(items.stream().map(JobRecord::of).toList(), next == null ? null : next.encode(search));
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, boolean byStatus) {
        String partition = byStatus ? STATUS : CREATED_DAY;
        return Map.of(JOB_ID, item.get(JOB_ID), CREATED_KEY, item.get(CREATED_KEY), partition, item.get(partition));
    }

    /** The newest day the search can find jobs on. */
    private String latestDay(JobSearch search) {
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        if (search.to() != null && search.to().isBefore(latest)) {
            latest = search.to().minusNanos(1000); // `to` is exclusive; keys have microseconds
        }
        return JobIndexes.createdDay(latest);
    }

    /**
     * The day of the oldest job, from the oldest key of each status partition (one item read per status), or null
     * when there are no jobs; remembered for a minute, since only a job's removal can make it later.
     */
    private String oldestDay() {
        OldestDay known = oldestDay;
        Instant now = clock.instant();
        if (known != null && known.askedAt().plus(OLDEST_DAY_CACHE).isAfter(now)) {
            return known.day();
        }
        String oldestKey = null;
        for (JobStatus status : JobStatus.values()) {
            var items = dynamoDb.query(b -> b.tableName(table).indexName(JobIndexes.STATUS_INDEX)
                    .keyConditionExpression("#status = :status").projectionExpression("#createdKey")
                    .expressionAttributeNames(Map.of("#status", STATUS, "#createdKey", CREATED_KEY))
                    .expressionAttributeValues(Map.of(":status", AttributeValue.fromS(status.name())))
                    .scanIndexForward(true).limit(1)).items();
            for (Map<String, AttributeValue> item : items) {
                String key = item.get(CREATED_KEY).s();
                oldestKey = oldestKey == null || key.compareTo(oldestKey) < 0 ? key : oldestKey;
            }
        }
        if (oldestKey == null) {
            return null;
        }
        String day = oldestKey.substring(0, 10);
        oldestDay = new OldestDay(day, now);
        return day;
    }
}
