package io.docflow.review;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The review of NEEDS_REVIEW jobs (docs/api.md, "Review"), bound from {@code docflow.review.*}.
 *
 * @param lease         how long a reviewer's claim on a job lasts; claiming again renews it, and once it has run out
 *                      another reviewer may take the job over
 * @param correctionsDays the time range of the corrections export when {@code from} is not given: this many days
 *                      before {@code to}
 */
@Validated
@ConfigurationProperties("docflow.review")
public record ReviewSettings(@NotNull @DefaultValue("15m") Duration lease,
                             @jakarta.validation.constraints.Min(1) @DefaultValue("30") int correctionsDays) {

    public ReviewSettings {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("docflow.review.lease must be positive, was " + lease);
        }
    }
}
