package io.docflow.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.docflow.jobs.JobRecord;

/**
 * What changed between two readings of the newest jobs: the jobs that are new, or whose status, class, reason,
 * finish time or finished stages differ from the reading before. A job that only left the page (newer jobs pushed
 * it out) is no change. Immutable: {@link #next(List)} gives the changes and the reading to compare the next with.
 */
final class JobChanges {

    /** The changed jobs, in the order of the page (newest first), and the snapshot of this reading. */
    record Reading(List<JobRecord> changed, JobChanges snapshot) {
    }

    private final Map<String, String> signatures;

    private JobChanges(Map<String, String> signatures) {
        this.signatures = signatures;
    }

    /** The first reading: nothing to compare with, so nothing has changed. */
    static JobChanges first(List<JobRecord> page) {
        return new JobChanges(signatures(page));
    }

    Reading next(List<JobRecord> page) {
        List<JobRecord> changed = new ArrayList<>();
        Map<String, String> now = signatures(page);
        for (JobRecord job : page) {
            if (!Objects.equals(signatures.get(job.jobId()), now.get(job.jobId()))) {
                changed.add(job);
            }
        }
        return new Reading(List.copyOf(changed), new JobChanges(now));
    }

    int size() {
        return signatures.size();
    }

    /** What the list shows of a job and may change: status, class, reason, finish time, the stages done so far. */
    static String signature(JobRecord job) {
        return job.status() + "|" + job.documentClass() + "|" + job.reason() + "|" + job.finishedAt() + "|"
                + job.stageMillis().keySet();
    }

    private static Map<String, String> signatures(List<JobRecord> page) {
        Map<String, String> signatures = new LinkedHashMap<>();
        page.forEach(job -> signatures.put(job.jobId(), signature(job)));
        return signatures;
    }
}
