package io.docflow.jobs;

import static io.docflow.jobs.JobAttributes.*;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a listing continues: the day partition it is reading (newest-first index only) and the key DynamoDB resumes
 * after (its LastEvaluatedKey, or the key of the last job handed out), or no key to start that day from its newest
 * job. On the wire it is opaque: base64url of
 * {@code {"v":1,"q":"<search fingerprint>","d":"2026-12-03","k":{"jobId":"...","createdDay":"...","createdKey":"..."}}}.
 * Decoding checks everything a DynamoDB ExclusiveStartKey must satisfy for the search at hand, so a cursor that is
 * malformed, edited or taken from another search is refused rather than sent to DynamoDB.
 */
record JobCursor(String day, Map<String, String> key) {

    static final int MAX_LENGTH = 1024;
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CREATED_KEY_FORMAT =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z#([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    JobCursor {
        key = key == null ? null : Map.copyOf(key);
    }

    static JobCursor startOfDay(String day) {
        return new JobCursor(day, null);
    }

    static JobCursor after(String day, Map<String, AttributeValue> dynamoKey) {
        Map<String, String> key = new TreeMap<>();
        dynamoKey.forEach((name, value) -> key.put(name, value.s()));
        return new JobCursor(day, key);
    }

    /** This position's day, continuing after {@code dynamoKey}, or from the day's newest job when it is null. */
    JobCursor withStart(Map<String, AttributeValue> dynamoKey) {
        return dynamoKey == null ? new JobCursor(day, null) : after(day, dynamoKey);
    }

    Map<String, AttributeValue> exclusiveStartKey() {
        if (key == null) {
            return null;
        }
        Map<String, AttributeValue> start = new LinkedHashMap<>();
        key.forEach((name, value) -> start.put(name, AttributeValue.fromS(value)));
        return start;
    }

    String encode(JobSearch search) {
        ObjectNode json = JSON.createObjectNode().put("v", VERSION).put("q", search.fingerprint());
        if (day != null) {
            json.put("d", day);
        }
        if (key != null) {
            ObjectNode k = json.putObject("k");
            new TreeMap<>(key).forEach(k::put);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor {@code text} as a position of {@code search}, whose newest day is {@code latestDay} (null when the
     * search reads the status index, which has no days).
     */
    static JobCursor decode(String text, JobSearch search, String latestDay) {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidCursorException("The cursor is longer than any this API hands out");
        }
        JsonNode json;
        try {
            json = JSON.readTree(Base64.getUrlDecoder().decode(text));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new InvalidCursorException("The cursor is not one this API handed out (not base64url JSON)");
        }
        if (json == null || !json.isObject() || json.path("v").asInt() != VERSION) {
            throw new InvalidCursorException("The cursor is not one this API handed out (unknown format)");
        }
        if (!search.fingerprint().equals(json.path("q").asText())) {
            throw new InvalidCursorException("The cursor belongs to another search: send the same status, class, from, to, "
                    + "sourcePrefix and reason as the request that returned it");
        }
        boolean byStatus = search.status() != null;
        String day = json.hasNonNull("d") ? json.get("d").asText() : null;
        if (byStatus != (day == null)) {
            throw new InvalidCursorException("The cursor does not fit this search (day partition)");
        }
        if (day != null && (!DAY.matcher(day).matches() || day.compareTo(latestDay) > 0
                || (search.from() != null && day.compareTo(JobIndexes.createdDay(search.from())) < 0))) {
            throw new InvalidCursorException("The cursor's day lies outside this search");
        }
        JsonNode k = json.get("k");
        if (k == null || k.isNull()) {
            if (byStatus) {
                throw new InvalidCursorException("The cursor has no position");
            }
            return startOfDay(day);
        }
        return new JobCursor(day, key(k, search, day));
    }

    private static Map<String, String> key(JsonNode k, JobSearch search, String day) {
        boolean byStatus = search.status() != null;
        if (!k.isObject()) {
            throw new InvalidCursorException("The cursor's position is not a key");
        }
        Map<String, String> key = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = k.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                throw new InvalidCursorException("The cursor's position is not a key");
            }
            key.put(field.getKey(), field.getValue().asText());
        }
        Set<String> expected = Set.of(JOB_ID, CREATED_KEY, byStatus ? STATUS : CREATED_DAY);
        if (!key.keySet().equals(expected)) {
            throw new InvalidCursorException("The cursor's position is not a key of this search's index");
        }
        var createdKey = CREATED_KEY_FORMAT.matcher(key.get(CREATED_KEY));
        if (!createdKey.matches() || !createdKey.group(2).equals(key.get(JOB_ID))) {
            throw new InvalidCursorException("The cursor's position is not a job's key");
        }
        if (byStatus ? !search.status().name().equals(key.get(STATUS))
                : !(day.equals(key.get(CREATED_DAY)) && day.equals(createdKey.group(1)))) {
            throw new InvalidCursorException("The cursor's position lies outside this search");
        }
        String time = key.get(CREATED_KEY);
        if ((search.from() != null && time.compareTo(JobIndexes.timePrefix(search.from())) < 0)
                || (search.to() != null && time.compareTo(JobIndexes.timePrefix(search.to())) > 0)) {
            throw new InvalidCursorException("The cursor's position lies outside this search's time range");
        }
        return key;
    }

    @Override
    public String toString() {
        return "JobCursor[" + day + ", " + key + "]";
    }
}
