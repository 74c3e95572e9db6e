package io.docflow.jobs;

import java.util.List;

/**
 * One page of a job listing.
 *
 * @param jobs       newest first; as the listing indexes carry them ({@link JobIndexes#LISTED_ATTRIBUTES})
 * @param nextCursor where the next page starts, or null at the end. A page may hold fewer jobs than asked for and
 *                   still have a next cursor: the listing reads a bounded number of times per page
 */
public record JobPage(List<JobRecord> jobs, String nextCursor) {

    public JobPage {
        jobs = List.copyOf(jobs);
    }
}
