package io.docflow.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.jobs.JobAttributes;
import io.docflow.jobs.JobStatus;
import io.docflow.local.LocalClients;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What docflow left in the real stores, read back after a run: every item of the jobs table, every object of the
 * results bucket (and its versions when the bucket is versioned), what is left in the ingest queue and its
 * dead-letter queue. {@link #check} compares that with the objects that were uploaded and with the announcements a
 * subscriber received: one job in a final status, one result and one announcement per object.
 */
public final class StoreAudit {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESULTS = "results/";
    private static final String TEXTS = "text/";

    /** One job item, the attributes that tell where it is. */
    public record Job(String jobId, String key, String status, int attempts, String claimedBy, boolean announced,
                      String reason, String createdAt, String updatedAt, String finishedAt) {

        boolean isFinal() {
            return status != null && JobStatus.valueOf(status).isFinal();
        }

        @Override
        public String toString() {
            return "%s %s (key %s, attempts %d, claimedBy %s, announced %s%s, created %s, updated %s%s)".formatted(jobId, status,
                    key, attempts, claimedBy, announced, reason == null ? "" : ", reason " + reason, createdAt, updatedAt,
                    finishedAt == null ? "" : ", finished " + finishedAt);
        }
    }

    /** What {@link #check} found: figures in table order, and each violation with the jobs it concerns. */
    public record Findings(Map<String, Double> figures, List<String> problems, Map<String, Object> details) {
    }

    private final Map<String, Job> jobs;
    private final List<String> resultKeys;
    private final List<String> textKeys;
    private final List<String> otherKeys;
    /** Versions per result key when the results bucket is versioned; null when it is not. */
    private final Map<String, Integer> resultVersions;
    private final Map<String, String> resultStatus;
    private final long ingestLeft;
    private final long dlqMessages;

    private StoreAudit(Map<String, Job> jobs, List<String> resultKeys, List<String> textKeys, List<String> otherKeys,
                       Map<String, Integer> resultVersions, Map<String, String> resultStatus, long ingestLeft, long dlqMessages) {
        this.jobs = jobs;
        this.resultKeys = resultKeys;
        this.textKeys = textKeys;
        this.otherKeys = otherKeys;
        this.resultVersions = resultVersions;
        this.resultStatus = resultStatus;
        this.ingestLeft = ingestLeft;
        this.dlqMessages = dlqMessages;
    }

    /** Reads the jobs table, the results bucket (each result document's status too) and both queues of {@code config}. */
    public static StoreAudit read(LocalClients clients, DocflowProperties config) {
        Map<String, Job> jobs = jobs(clients, config);
        String bucket = config.buckets().results();
        List<String> results = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (S3Object object : clients.s3().listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            (object.key().startsWith(RESULTS) ? results : object.key().startsWith(TEXTS) ? texts : others).add(object.key());
        }
        Map<String, String> resultStatus = new HashMap<>();
        for (String key : results) {
            try {
                JsonNode result = JSON.readTree(clients.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
                resultStatus.put(key, result.path("status").asText(null));
            } catch (Exception e) {
                resultStatus.put(key, "unreadable: " + e.getMessage());
            }
        }
        Map<String, Integer> versions = null;
        if (versioned(clients, bucket)) {
            versions = new TreeMap<>();
            for (var version : clients.s3().listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(RESULTS)).versions()) {
                versions.merge(version.key(), 1, Integer::sum);
            }
        }
        return new StoreAudit(jobs, results, texts, others, versions, resultStatus,
                messages(clients, config.queues().ingest()), messages(clients, config.queues().ingestDlq()));
    }

    /** Every job item of the table, by job id (a consistent scan). */
    public static Map<String, Job> jobs(LocalClients clients, DocflowProperties config) {
        Map<String, Job> jobs = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : clients.dynamoDb().scanPaginator(b -> b.tableName(config.jobs().table())
                .consistentRead(true)).items()) {
            Job job = new Job(s(item, JobAttributes.JOB_ID), s(item, JobAttributes.KEY), s(item, JobAttributes.STATUS),
                    item.containsKey(JobAttributes.ATTEMPTS) ? Integer.parseInt(item.get(JobAttributes.ATTEMPTS).n()) : 0,
                    s(item, JobAttributes.CLAIMED_BY),
                    item.containsKey(JobAttributes.ANNOUNCED) && Boolean.TRUE.equals(item.get(JobAttributes.ANNOUNCED).bool()),
                    s(item, JobAttributes.REASON), s(item, JobAttributes.CREATED_AT), s(item, JobAttributes.UPDATED_AT),
                    s(item, JobAttributes.FINISHED_AT));
            jobs.put(job.jobId(), job);
        }
        return jobs;
    }

    private static boolean versioned(LocalClients clients, String bucket) {
        try {
            BucketVersioningStatus status = clients.s3().getBucketVersioning(b -> b.bucket(bucket)).status();
            return status == BucketVersioningStatus.ENABLED || status == BucketVersioningStatus.SUSPENDED;
        } catch (RuntimeException e) {
            // the local S3 may not implement versioning at all: then the bucket is not versioned
            return false;
        }
    }

    /** Visible, in-flight and delayed messages of a queue. */
    static long messages(LocalClients clients, String queue) {
        String url = clients.sqs().getQueueUrl(b -> b.queueName(queue)).queueUrl();
        Map<QueueAttributeName, String> attributes = clients.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToLong(Long::parseLong).sum();
    }

    public Map<String, Job> jobs() {
        return jobs;
    }

    public List<String> resultKeys() {
        return resultKeys;
    }

    /**
     * Checks the stores against the {@code uploadedKeys} (input object keys) and the announcements counted per job
     * id: every object has exactly one job, in a final status, with exactly one result object whose status is the
     * job's, announced exactly once; nothing else is in the results bucket.
     */
    public Findings check(Collection<String> uploadedKeys, Map<String, Integer> announcementsPerJob) {
        Map<String, Double> figures = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, List<Job>> byKey = new HashMap<>();
        jobs.values().forEach(j -> byKey.computeIfAbsent(j.key(), k -> new ArrayList<>()).add(j));

        List<String> unregistered = uploadedKeys.stream().filter(k -> !byKey.containsKey(k)).toList();
        List<String> severalJobs = uploadedKeys.stream().filter(k -> byKey.getOrDefault(k, List.of()).size() > 1).toList();
        Set<String> uploaded = new HashSet<>(uploadedKeys);
        List<Job> strayJobs = jobs.values().stream().filter(j -> !uploaded.contains(j.key())).toList();
        Map<String, Integer> statuses = new TreeMap<>();
        jobs.values().forEach(j -> statuses.merge(String.valueOf(j.status()), 1, Integer::sum));
        List<Job> finals = jobs.values().stream().filter(Job::isFinal).toList();
        List<Job> stuck = jobs.values().stream().filter(j -> !j.isFinal()).toList();

        figures.put("documents uploaded", (double) uploadedKeys.size());
        figures.put("jobs in a final status", (double) finals.size());
        for (JobStatus status : JobStatus.values()) {
            figures.put("  " + status.name(), (double) statuses.getOrDefault(status.name(), 0));
        }
        figures.put("stuck (PROCESSING or QUEUED)", (double) stuck.size());
        figures.put("objects without a job", (double) unregistered.size());
        figures.put("jobs resumed (attempts > 1)", (double) jobs.values().stream().filter(j -> j.attempts() > 1).count());
        if (finals.size() != uploadedKeys.size() || !strayJobs.isEmpty() || !severalJobs.isEmpty()) {
            problems.add("%d of %d objects have a job in a final status (jobs: %s)".formatted(finals.size(), uploadedKeys.size(), statuses));
        }
        if (!stuck.isEmpty()) {
            problems.add(stuck.size() + " jobs stuck: " + describe(stuck));
        }
        if (!unregistered.isEmpty()) {
            problems.add(unregistered.size() + " objects never got a job: " + first(unregistered));
        }
        if (!severalJobs.isEmpty()) {
            problems.add(severalJobs.size() + " objects have more than one job: " + first(severalJobs));
        }
        if (!strayJobs.isEmpty()) {
            problems.add(strayJobs.size() + " jobs for objects that were not uploaded: " + describe(strayJobs));
        }

        // results: exactly results/<jobId>.json per final job, saying the job's status
        Set<String> expected = new HashSet<>();
        finals.forEach(j -> expected.add(RESULTS + j.jobId() + ".json"));
        List<String> missing = expected.stream().filter(k -> !resultStatus.containsKey(k)).sorted().toList();
        List<String> extra = resultKeys.stream().filter(k -> !expected.contains(k)).sorted().toList();
        List<String> mismatched = new ArrayList<>();
        for (Job j : finals) {
            String stored = resultStatus.get(RESULTS + j.jobId() + ".json");
            if (stored != null && !stored.equals(j.status())) {
                mismatched.add(j.jobId() + ": job " + j.status() + ", result " + stored);
            }
        }
        figures.put("result objects (results/)", (double) resultKeys.size());
        figures.put("  missing", (double) missing.size());
        figures.put("  extra or duplicate", (double) extra.size());
        figures.put("  status differs from the job's", (double) mismatched.size());
        if (resultVersions != null) {
            long rewritten = resultVersions.values().stream().filter(v -> v > 1).count();
            figures.put("result object versions (versioned bucket)", (double) resultVersions.values().stream().mapToInt(Integer::intValue).sum());
            figures.put("  results written more than once", (double) rewritten);
            details.put("resultVersions", resultVersions);
        }
        details.put("resultsBucketVersioned", resultVersions != null);
        figures.put("text objects (text/)", (double) textKeys.size());
        figures.put("other objects in the results bucket", (double) otherKeys.size());
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " final jobs without a result object: " + first(missing));
        }
        if (!extra.isEmpty()) {
            problems.add(extra.size() + " result objects of no final job (extra or duplicate): " + first(extra));
        }
        if (!mismatched.isEmpty()) {
            problems.add(mismatched.size() + " result objects whose status is not the job's: " + first(mismatched));
        }
        if (!otherKeys.isEmpty()) {
            problems.add(otherKeys.size() + " unexpected objects in the results bucket: " + first(otherKeys));
        }

        // announcements: exactly one per final job, none for anything else
        long total = announcementsPerJob.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> duplicated = new TreeMap<>();
        announcementsPerJob.forEach((id, n) -> {
            if (n > 1) {
                duplicated.put(id, n);
            }
        });
        List<String> unannounced = finals.stream().map(Job::jobId).filter(id -> !announcementsPerJob.containsKey(id)).sorted().toList();
        List<String> strayAnnouncements = announcementsPerJob.keySet().stream()
                .filter(id -> !jobs.containsKey(id) || !jobs.get(id).isFinal()).sorted().toList();
        figures.put("announcements received", (double) total);
        figures.put("  jobs announced more than once", (double) duplicated.size());
        figures.put("  duplicate announcements", (double) duplicated.values().stream().mapToInt(n -> n - 1).sum());
        figures.put("  final jobs never announced", (double) unannounced.size());
        figures.put("  announcements of no final job", (double) strayAnnouncements.size());
        if (!duplicated.isEmpty()) {
            List<String> which = duplicated.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue() + " ("
                    + (jobs.containsKey(e.getKey()) ? jobs.get(e.getKey()) : "no job") + ")").toList();
            problems.add(duplicated.size() + " jobs announced more than once: " + first(which));
        }
        if (!unannounced.isEmpty()) {
            problems.add(unannounced.size() + " final jobs never announced: " + describe(unannounced.stream().map(jobs::get).toList()));
        }
        if (!strayAnnouncements.isEmpty()) {
            problems.add(strayAnnouncements.size() + " announcements of no final job: " + first(strayAnnouncements));
        }

        figures.put("ingest DLQ messages", (double) dlqMessages);
        figures.put("ingest queue messages left", (double) ingestLeft);

        details.put("statuses", statuses);
        details.put("stuckJobs", stuck.stream().map(Job::toString).toList());
        details.put("missingResults", missing);
        details.put("extraResults", extra);
        details.put("mismatchedResults", mismatched);
        details.put("duplicateAnnouncements", duplicated);
        details.put("unannouncedJobs", unannounced);
        details.put("resumedJobs", jobs.values().stream().filter(j -> j.attempts() > 1).map(Job::toString).toList());
        return new Findings(figures, problems, details);
    }

    private static String describe(List<Job> jobs) {
        return first(jobs.stream().map(Job::toString).toList());
    }

    private static String first(List<String> items) {
        int shown = Math.min(20, items.size());
        return String.join("; ", items.subList(0, shown)) + (items.size() > shown ? "; … " + (items.size() - shown) + " more" : "");
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
