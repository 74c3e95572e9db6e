package io.docflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class JobIndexesTest {

    private static final String JOB = "5f0c4e9e-8a52-3c1e-9d0e-2b8f1a7c6d41";

    @Test
    void createdKeysSortAsTheirTimesWhereInstantTextDoesNot() {
        Instant whole = Instant.parse("2026-12-03T10:15:30Z");
        Instant later = Instant.parse("2026-12-03T10:15:30.123Z");
        assertThat(whole.toString().compareTo(later.toString())).as("Instant text drops zero fractions").isPositive();

        assertThat(JobIndexes.createdKey(whole, JOB)).isEqualTo("2026-12-03T10:15:30.000000Z#" + JOB);
        assertThat(JobIndexes.createdKey(whole, JOB).compareTo(JobIndexes.createdKey(later, JOB))).isNegative();
    }

    @Test
    void theDayIsTheUtcDayOfTheCreation() {
        assertThat(JobIndexes.createdDay(Instant.parse("2026-12-03T23:59:59.999Z"))).isEqualTo("2026-12-03");
        assertThat(JobIndexes.createdDay(Instant.parse("2026-12-04T00:00:00Z"))).isEqualTo("2026-12-04");
    }

    @Test
    void everyKeyOfAJobCreatedAtOrAfterATimeSortsAfterItsTimePrefix() {
        Instant t = Instant.parse("2026-12-03T10:15:30.5Z");
        assertThat(JobIndexes.createdKey(t, JOB)).startsWith(JobIndexes.timePrefix(t));
        assertThat(JobIndexes.createdKey(t, JOB).compareTo(JobIndexes.timePrefix(t))).isPositive();
        assertThat(JobIndexes.createdKey(t.minusNanos(1000), JOB).compareTo(JobIndexes.timePrefix(t))).isNegative();
    }
}
