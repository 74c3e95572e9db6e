package io.docflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.docflow.local.LocalAwsInitializer;
import io.docflow.local.LocalClients;
import io.docflow.local.LocalProvisioner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The listing against DynamoDB Local through the real SDK, on a table of its own created as local provisioning
 * creates the jobs table: pages across days (some without jobs) and through filters, the bound on queries per page,
 * and cursors that do not fit.
 */
class JobListingTest {

    private static final Instant NOW = Instant.parse("2026-12-10T12:00:00Z");
    /** Job i is created on this day of December 2026, at 09:00 (even i) or 10:00 (odd i). */
    private static final int[] DAYS = {1, 1, 2, 2, 3, 3, 5, 5, 7, 7, 9, 9};

    private static LocalClients clients;
    private static String table;
    private static final List<String> ids = new ArrayList<>();

    @BeforeAll
    static void jobs() {
        clients = new LocalClients(LocalAwsInitializer.sharedServices());
        table = "job-listing-test-" + System.nanoTime();
        LocalProvisioner.createJobsTable(clients.dynamoDb(), table);
        JobFixtures fixtures = new JobFixtures(clients.dynamoDb(), table);
        for (int i = 0; i < DAYS.length; i++) {
            Instant created = Instant.parse(String.format("2026-12-%02dT%02d:00:00Z", DAYS[i], 9 + i % 2));
            JobStatus status = i == 11 ? JobStatus.QUEUED : i == 4 ? JobStatus.NEEDS_REVIEW
                    : i % 3 == 0 ? JobStatus.FAILED : JobStatus.COMPLETED;
            FailureReason reason = status == JobStatus.FAILED ? FailureReason.NO_TEXT
                    : status == JobStatus.NEEDS_REVIEW ? FailureReason.FIELDS_NEED_REVIEW : null;
            ids.add(fixtures.job("listing", (i % 2 == 0 ? "scans/" : "uploads/") + "doc-" + i, created, status,
                    i % 4 == 0 ? "receipt" : "invoice", reason));
        }
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    @Test
    void allJobsComeNewestFirstInFullPagesAcrossDaysWithoutDuplicatesOrGaps() {
        List<List<String>> pages = pages(listing(30), JobSearch.all(5));

        assertThat(pages).extracting(List::size).containsExactly(5, 5, 2);
        assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(jobs(11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0));
    }

    @Test
    void aStatusIsReadFromItsPartition() {
        JobSearch failed = new JobSearch(JobStatus.FAILED, null, null, null, null, null, 3, null);

        assertThat(pages(listing(30), failed)).containsExactly(jobs(9, 6, 3), jobs(0));
    }

    @Test
    void theTimeRangeIncludesFromAndExcludesTo() {
        JobSearch range = new JobSearch(null, Instant.parse("2026-12-02T09:00:00Z"), Instant.parse("2026-12-05T09:00:00Z"),
                null, null, null, 10, null);
        JobSearch failedInRange = new JobSearch(JobStatus.FAILED, range.from(), range.to(), null, null, null, 10, null);

        assertThat(pages(listing(30), range)).containsExactly(jobs(5, 4, 3, 2));
        assertThat(pages(listing(30), failedInRange)).containsExactly(jobs(3));
    }

    @Test
    void classPrefixAndReasonFilterAndThePageIsStillFilled() {
        assertThat(pages(listing(30), new JobSearch(null, null, null, "receipt", null, null, 2, null)))
                .containsExactly(jobs(8, 4), jobs(0));
        assertThat(pages(listing(30), new JobSearch(null, null, null, null, "uploads/", null, 4, null)))
                .containsExactly(jobs(11, 9, 7, 5), jobs(3, 1));
        assertThat(pages(listing(30), new JobSearch(null, null, null, null, null, FailureReason.NO_TEXT, 10, null)))
                .containsExactly(jobs(9, 6, 3, 0));
        assertThat(pages(listing(30), new JobSearch(JobStatus.NEEDS_REVIEW, null, null, "receipt", "scans/",
                FailureReason.FIELDS_NEED_REVIEW, 10, null))).containsExactly(jobs(4));
    }

    @Test
    void aPageEndsEarlyWithACursorWhenItsQueriesAreSpent() {
        List<List<String>> pages = pages(listing(1), JobSearch.all(20));

        assertThat(pages.get(0)).as("today and the day before have no jobs").isEmpty();
        assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(2));
        assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(jobs(11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0));
    }

    @Test
    void aJobsSummaryComesFromTheIndex() {
        JobRecord newest = listing(30).list(JobSearch.all(1)).jobs().get(0);

        assertThat(newest.jobId()).isEqualTo(ids.get(11));
        assertThat(newest.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(newest.key()).isEqualTo("uploads/doc-11");
        assertThat(newest.createdAt()).isEqualTo("2026-12-09T10:00:00Z");
        JobRecord review = listing(30).list(new JobSearch(JobStatus.NEEDS_REVIEW, null, null, null, null, null, 1, null))
                .jobs().get(0);
        assertThat(review.documentClass()).isEqualTo("receipt");
        assertThat(review.reason()).isEqualTo("FIELDS_NEED_REVIEW");
        assertThat(review.resultLocation()).endsWith(ids.get(4) + ".json");
    }

    @Test
    void aCursorIsOnlyTakenByTheSearchItCameFrom() {
        JobsTable jobs = listing(30);
        String cursor = jobs.list(JobSearch.all(2)).nextCursor();

        assertThat(jobs.list(JobSearch.all(3).withCursor(cursor)).jobs()).extracting(JobRecord::jobId).isEqualTo(jobs(9, 8, 7));
        assertThatThrownBy(() -> jobs.list(new JobSearch(JobStatus.FAILED, null, null, null, null, null, 2, cursor)))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> jobs.list(new JobSearch(null, null, null, "invoice", null, null, 2, cursor)))
                .isInstanceOf(InvalidCursorException.class).hasMessageContaining("another search");
    }

    @Test
    void aTableWithoutJobsListsNothing() {
        String empty = "job-listing-empty-" + System.nanoTime();
        LocalProvisioner.createJobsTable(clients.dynamoDb(), empty);
        JobsTable jobs = new JobsTable(clients.dynamoDb(), empty, Clock.fixed(NOW, ZoneOffset.UTC), c -> List.of(), 3, 30);

        JobPage page = jobs.list(JobSearch.all(20));

        assertThat(page.jobs()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    private static JobsTable listing(int maxQueriesPerPage) {
        return new JobsTable(clients.dynamoDb(), table, Clock.fixed(NOW, ZoneOffset.UTC), c -> List.of(), 3, maxQueriesPerPage);
    }

    private static List<String> jobs(int... indexes) {
        return IntStream.of(indexes).mapToObj(ids::get).toList();
    }

    /** Every page of the search, following cursors to the end (at most 100 pages). */
    private static List<List<String>> pages(JobsTable jobs, JobSearch search) {
        List<List<String>> pages = new ArrayList<>();
        JobSearch next = search;
        for (int i = 0; i < 100; i++) {
            JobPage page = jobs.list(next);
            pages.add(page.jobs().stream().map(JobRecord::jobId).toList());
            if (page.nextCursor() == null) {
                return pages;
            }
            next = search.withCursor(page.nextCursor());
        }
        throw new AssertionError("no end after 100 pages");
    }
}
