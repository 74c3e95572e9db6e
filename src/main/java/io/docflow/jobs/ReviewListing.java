package io.docflow.jobs;

import static io.docflow.jobs.JobAttributes.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The review's reads of the jobs table: the current claims of a page of the review queue (one consistent BatchGetItem:
 * the listing index is eventually consistent and does not carry claims), and the reviewed jobs of a time range through
 * the sparse reviewed index ({@link JobIndexes#REVIEWED_INDEX}), one query per UTC day, never a scan.
 */
final class ReviewListing {

    /** BatchGetItem reads at most this many keys at once. */
    static final int BATCH = 100;
    /** The longest time range of the corrections export, in days (one query per day). */
    static final int MAX_DAYS = 366;

    private final DynamoDbClient dynamoDb;
    private final String table;

    ReviewListing(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** The review state of each job, by job id; jobs without an item are left out. */
    Map<String, ReviewState> claims(List<String> jobIds) {
        Map<String, ReviewState> claims = new HashMap<>();
        for (int from = 0; from < jobIds.size(); from += BATCH) {
            List<Map<String, AttributeValue>> keys = jobIds.subList(from, Math.min(jobIds.size(), from + BATCH)).stream()
                    .distinct().map(id -> Map.of(JOB_ID, AttributeValue.fromS(id))).toList();
            Map<String, KeysAndAttributes> request = new HashMap<>();
            request.put(table, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true).projectionExpression("#jobId, #reviewer, #expires")
                    .expressionAttributeNames(Map.of("#jobId", JOB_ID, "#reviewer", REVIEWER, "#expires",
                            REVIEW_CLAIM_EXPIRES_AT)).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = Map.copyOf(request);
                BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(asked));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    String expires = item.containsKey(REVIEW_CLAIM_EXPIRES_AT) ? item.get(REVIEW_CLAIM_EXPIRES_AT).s() : null;
                    claims.put(item.get(JOB_ID).s(), new ReviewState(item.containsKey(REVIEWER) ? item.get(REVIEWER).s() : null,
                            expires == null ? null : Instant.parse(expires), null, null, null));
                }
                Map<String, KeysAndAttributes> unprocessed = response.unprocessedKeys();
                if (unprocessed == null || unprocessed.isEmpty()) {
                    break;
                }
                request.clear();
                request.putAll(unprocessed);
            }
        }
        return claims;
    }

    /** The jobs reviewed at or after {@code from} and before {@code to}, oldest review first. */
    List<JobRecord> reviewedBetween(Instant from, Instant to) {
        LocalDate first = LocalDate.parse(JobIndexes.createdDay(from));
        LocalDate last = LocalDate.parse(JobIndexes.createdDay(to.minusNanos(1000)));
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new IllegalArgumentException("The time range spans more than " + MAX_DAYS + " days; ask for less");
        }
        Map<String, JobRecord> reviewed = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            String dayKey = dayOf(day);
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> exclusiveStart = start;
                QueryResponse response = dynamoDb.query(b -> b.tableName(table).indexName(JobIndexes.REVIEWED_INDEX)
                        .keyConditionExpression("#day = :day AND #at BETWEEN :from AND :to")
                        .expressionAttributeNames(Map.of("#day", REVIEWED_DAY, "#at", REVIEWED_AT))
                        .expressionAttributeValues(Map.of(":day", AttributeValue.fromS(dayKey),
                                ":from", AttributeValue.fromS(JobIndexes.timePrefix(from)),
                                // `to` is exclusive: the largest fixed-width time before it
                                ":to", AttributeValue.fromS(JobIndexes.timePrefix(to.minusNanos(1000)))))
                        .exclusiveStartKey(exclusiveStart));
                response.items().forEach(item -> reviewed.put(item.get(JOB_ID).s(), JobRecord.of(item)));
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return new ArrayList<>(reviewed.values());
    }

    private static String dayOf(LocalDate day) {
        return day.toString();
    }
}
