package io.docflow.jobs;

import static io.docflow.jobs.JobAttributes.*;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The jobs table's global secondary indexes and the attributes that key them, in one place: {@link JobsTable} writes
 * the keys, the local provisioner and the CloudFormation template create the indexes from the same names.
 * <ul>
 *   <li>{@value #SOURCE_KEY_INDEX}: one job per object version (ingestion's idempotency).</li>
 *   <li>{@value #STATUS_INDEX}: partition {@code status}, sort {@code createdKey}: the jobs in one status, newest
 *       first, within a time range. The item moves between partitions as its status changes.</li>
 *   <li>{@value #CREATED_INDEX}: partition {@code createdDay} (the UTC day the job was created, {@code yyyy-MM-dd}),
 *       sort {@code createdKey}: all jobs newest first, read one day after the other. A day bucket rather than one
 *       constant partition, so that no single partition key collects every job there ever was (a partition key's
 *       items share one partition's throughput and size), and rather than random shards, so that "newest first"
 *       stays one query per day instead of a merge across shards.</li>
 *   <li>{@value #REVIEWED_INDEX}: partition {@code reviewedDay} (the UTC day of the review), sort {@code reviewedAt}
 *       (fixed-width): the reviewed jobs of a time range, for the corrections export. Sparse: only reviewed jobs have
 *       its keys.</li>
 * </ul>
 * {@code createdKey} is the creation time with a fixed number of digits (so that text order is time order, which
 * {@link Instant#toString()} does not promise) and the job id, which makes it unique.
 */
public final class JobIndexes {

    public static final String SOURCE_KEY_INDEX = "sourceKey-index";
    public static final String STATUS_INDEX = "status-createdKey-index";
    public static final String CREATED_INDEX = "createdDay-createdKey-index";
    public static final String REVIEWED_INDEX = "reviewedDay-reviewedAt-index";

    /** What the reviewed index carries besides its keys: enough to pick the corrections and find their results. */
    public static final List<String> REVIEWED_ATTRIBUTES = List.of(STATUS, BUCKET, KEY, DOCUMENT_CLASS, REVIEW_ACTION,
            REVIEWED_BY, RESULT_LOCATION);

    /**
     * The attributes the listing indexes carry besides their keys (projection INCLUDE): what a job's summary shows and
     * what the listing filters on. Updates of other attributes (stage, claims, counters) do not write the indexes.
     */
    public static final List<String> LISTED_ATTRIBUTES = List.of(STATUS, BUCKET, KEY, RECEIVED_VIA, CREATED_AT,
            FINISHED_AT, DOCUMENT_CLASS, CONFIDENCE, REASON, ERROR, MODEL, COST_USD, RESULT_LOCATION, STAGE_MILLIS,
            KEY_FIELDS, OUTPUT);

    static final DateTimeFormatter CREATED_KEY_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

    private JobIndexes() {
    }

    /** The sort key of both listing indexes: fixed-width UTC time, '#', job id. */
    public static String createdKey(Instant createdAt, String jobId) {
        return timePrefix(createdAt) + "#" + jobId;
    }

    /** The part of a createdKey that orders by time: every key of a job created at or after {@code time} sorts after it. */
    public static String timePrefix(Instant time) {
        return CREATED_KEY_TIME.format(time);
    }

    /** The partition of {@value #CREATED_INDEX}: the UTC day. */
    public static String createdDay(Instant createdAt) {
        return DAY.format(createdAt);
    }
}
