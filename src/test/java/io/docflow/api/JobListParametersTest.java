package io.docflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import io.docflow.config.DocflowProperties;
import io.docflow.jobs.FailureReason;
import io.docflow.jobs.JobSearch;
import io.docflow.jobs.JobStatus;
import org.junit.jupiter.api.Test;

/** The list's query parameters as a search, and the 400 problem each bad one becomes. */
class JobListParametersTest {

    private static final DocflowProperties.Listing LISTING = new DocflowProperties.Listing(20, 100, 30);

    @Test
    void nothingAskedIsTheFirstPageOfAllJobs() {
        assertThat(parse(Set.of(), null, null, null, null, null, null, null, null)).isEqualTo(JobSearch.all(20));
    }

    @Test
    void everyCriterionIsTaken() {
        JobSearch search = parse(Set.of("status", "class", "from", "to", "sourcePrefix", "reason", "limit", "cursor"),
                "failed", "invoice", "2026-12-01T08:00:00+01:00", "2026-12-03", "uploads/", "no_text", 50, "abc");

        assertThat(search).isEqualTo(new JobSearch(JobStatus.FAILED, Instant.parse("2026-12-01T07:00:00Z"),
                Instant.parse("2026-12-04T00:00:00Z"), "invoice", "uploads/", FailureReason.NO_TEXT, 50, "abc"));
    }

    @Test
    void aDayIsFromItsStartToItsEnd() {
        assertThat(JobListParameters.time("from", "2026-12-03", false)).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        assertThat(JobListParameters.time("to", "2026-12-03", true)).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
        assertThat(JobListParameters.time("to", "2026-12-03T10:15:30Z", true)).isEqualTo(Instant.parse("2026-12-03T10:15:30Z"));
    }

    @Test
    void anUnknownParameterIsRefusedNotIgnored() {
        assertInvalid("stauts", () -> parse(Set.of("stauts"), null, null, null, null, null, null, null, null),
                "Unknown parameter 'stauts'; the job list takes status, class, from, to, sourcePrefix, reason, limit, cursor");
    }

    @Test
    void badValuesNameTheirParameter() {
        assertInvalid("status", () -> parse(Set.of(), "DONE", null, null, null, null, null, null, null),
                "status must be one of QUEUED, PROCESSING, COMPLETED, NEEDS_REVIEW, FAILED, was 'DONE'");
        assertInvalid("reason", () -> parse(Set.of(), null, null, null, null, null, "LATE", null, null), "reason must be one of NO_TEXT");
        assertInvalid("limit", () -> parse(Set.of(), null, null, null, null, null, null, 0, null), "limit must be between 1 and 100, was 0");
        assertInvalid("limit", () -> parse(Set.of(), null, null, null, null, null, null, 101, null), "was 101");
        assertInvalid("from", () -> parse(Set.of(), null, null, "yesterday", null, null, null, null, null), "ISO-8601");
        assertInvalid("to", () -> parse(Set.of(), null, null, null, "2026-13-01", null, null, null, null), "was '2026-13-01'");
        assertInvalid("from", () -> parse(Set.of(), null, null, "2026-12-03", "2026-12-03T00:00:00Z", null, null, null, null),
                "must be before to");
        assertInvalid("class", () -> parse(Set.of(), null, "", null, null, null, null, null, null), "1 to 1024 characters");
        assertInvalid("sourcePrefix", () -> parse(Set.of(), null, null, null, null, "x".repeat(1025), null, null, null),
                "1 to 1024 characters");
    }

    private static JobSearch parse(Set<String> given, String status, String documentClass, String from, String to,
                                   String sourcePrefix, String reason, Integer limit, String cursor) {
        return JobListParameters.parse(given, status, documentClass, from, to, sourcePrefix, reason, limit, cursor, LISTING);
    }

    private static void assertInvalid(String parameter, org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(InvalidParameterException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidParameterException) e).problem().getProperties())
                        .containsEntry("parameter", parameter).containsEntry("code", "invalid_parameter"));
    }
}
