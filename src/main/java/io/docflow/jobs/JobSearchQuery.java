package io.docflow.jobs;

import static io.docflow.jobs.JobAttributes.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A search as a DynamoDB Query of one index partition, newest first: the status (status index) or one day (newest-first
 * index) as the partition, the time range on the sort key {@code createdKey}, and the criteria no index serves (class,
 * source prefix, reason) as a filter expression. Every name and value is a placeholder, declared only where used
 * (DynamoDB refuses unused ones).
 */
final class JobSearchQuery {

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();
    private final String keyCondition;
    private final String filter;
    private final String index;

    private JobSearchQuery(JobSearch search, String day) {
        boolean byStatus = search.status() != null;
        index = byStatus ? JobIndexes.STATUS_INDEX : JobIndexes.CREATED_INDEX;
        String partition = byStatus
                ? name(STATUS) + " = " + value("status", AttributeValue.fromS(search.status().name()))
                : name(CREATED_DAY) + " = " + value("day", AttributeValue.fromS(day));
        keyCondition = partition + timeRange(search);
        filter = filter(search);
    }

    /** The query of {@code search} in the partition of {@code day} (ignored when the search asks for a status). */
    static QueryRequest.Builder request(String table, JobSearch search, String day) {
        return new JobSearchQuery(search, day).applyTo(QueryRequest.builder().tableName(table));
    }

    private String timeRange(JobSearch search) {
        if (search.from() != null && search.to() != null) {
            return " AND " + name(CREATED_KEY) + " BETWEEN " + value("from", time(search.from())) + " AND "
                    + value("to", time(search.to()));
        }
        if (search.from() != null) {
            return " AND " + name(CREATED_KEY) + " >= " + value("from", time(search.from()));
        }
        if (search.to() != null) {
            // every key of a job created at `to` is the time prefix and more: BETWEEN and < both leave it out
            return " AND " + name(CREATED_KEY) + " < " + value("to", time(search.to()));
        }
        return "";
    }

    private String filter(JobSearch search) {
        List<String> conditions = new ArrayList<>();
        if (search.documentClass() != null) {
            conditions.add(name(DOCUMENT_CLASS) + " = " + value("documentClass", AttributeValue.fromS(search.documentClass())));
        }
        if (search.sourcePrefix() != null) {
            conditions.add("begins_with(" + name(KEY) + ", " + value("sourcePrefix", AttributeValue.fromS(search.sourcePrefix())) + ")");
        }
        if (search.reason() != null) {
            conditions.add(name(REASON) + " = " + value("reason", AttributeValue.fromS(search.reason().name())));
        }
        return conditions.isEmpty() ? null : String.join(" AND ", conditions);
    }

    private QueryRequest.Builder applyTo(QueryRequest.Builder request) {
        request.indexName(index).keyConditionExpression(keyCondition).scanIndexForward(false)
                .expressionAttributeNames(Map.copyOf(names)).expressionAttributeValues(Map.copyOf(values));
        if (filter != null) {
            request.filterExpression(filter);
        }
        return request;
    }

    private static AttributeValue time(java.time.Instant instant) {
        return AttributeValue.fromS(JobIndexes.timePrefix(instant));
    }

    private String name(String attribute) {
        names.put("#" + attribute, attribute);
        return "#" + attribute;
    }

    private String value(String label, AttributeValue value) {
        values.put(":" + label, value);
        return ":" + label;
    }
}
