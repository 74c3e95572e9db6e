package io.docflow.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.docflow.config.DocflowProperties;
import io.docflow.jobs.FailureReason;
import io.docflow.jobs.JobSearch;
import io.docflow.jobs.JobStatus;

/**
 * The query parameters of {@code GET /api/v1/jobs} as a {@link JobSearch}, each checked with a message naming the
 * parameter: {@code status} and {@code reason} are names of docflow's statuses and reasons (any case), {@code from} and
 * {@code to} ISO-8601 instants ({@code 2026-12-03T10:15:30Z}, or with an offset) or days ({@code 2026-12-03}: from
 * the start of that UTC day, to its end), {@code limit} between 1 and the configured maximum. A parameter the list
 * does not know is refused rather than ignored, so that a misspelt filter does not list everything.
 */
final class JobListParameters {

    static final List<String> NAMES = List.of("status", "class", "from", "to", "sourcePrefix", "reason", "limit", "cursor");
    private static final int MAX_TEXT = 1024;

    private JobListParameters() {
    }

    static JobSearch parse(Collection<String> given, String status, String documentClass, String from, String to,
                           String sourcePrefix, String reason, Integer limit, String cursor,
                           DocflowProperties.Listing listing) {
        for (String name : given) {
            if (!NAMES.contains(name)) {
                throw new InvalidParameterException(name, "Unknown parameter '" + name + "'; the job list takes "
                        + String.join(", ", NAMES));
            }
        }
        int pageSize = limit == null ? listing.defaultLimit() : limit;
        if (pageSize < 1 || pageSize > listing.maxLimit()) {
            throw new InvalidParameterException("limit", "limit must be between 1 and " + listing.maxLimit() + ", was " + pageSize);
        }
        Instant start = time("from", from, false);
        Instant end = time("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidParameterException("from", "from (" + start + ") must be before to (" + end + ")");
        }
        return new JobSearch(named("status", status, JobStatus.class), start, end, text("class", documentClass),
                text("sourcePrefix", sourcePrefix), named("reason", reason, FailureReason.class), pageSize,
                cursor == null || cursor.isEmpty() ? null : cursor);
    }

    private static <E extends Enum<E>> E named(String parameter, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, parameter + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")) + ", was '" + value + "'");
        }
    }

    private static String text(String parameter, String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > MAX_TEXT) {
            throw new InvalidParameterException(parameter, parameter + " must be 1 to " + MAX_TEXT + " characters long");
        }
        return value;
    }

    /** An instant, or a day: its start, or for the exclusive end {@code to} the start of the next day. */
    static Instant time(String parameter, String value, boolean endOfDay) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidParameterException(parameter, parameter + " must be an ISO-8601 instant such as "
                    + "2026-12-03T10:15:30Z or a day such as 2026-12-03, was '" + value + "'");
        }
    }
}
