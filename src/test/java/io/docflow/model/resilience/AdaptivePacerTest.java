package io.docflow.model.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class AdaptivePacerTest {

    /** A clock far from zero, as System.nanoTime usually is. */
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    private AdaptivePacer pacer(double requestsPerMinute, double tokensPerMinute, Duration burst) {
        return new AdaptivePacer(requestsPerMinute, tokensPerMinute, 0.1, 0.05, 0.5, burst, now::get);
    }

    private void advance(Duration time) {
        now.addAndGet(time.toNanos());
    }

    @Test
    void withoutBudgetsNothingWaits() {
        AdaptivePacer unpaced = pacer(0, 0, Duration.ZERO);

        for (int i = 0; i < 1000; i++) {
            assertThat(unpaced.reserve("m", 100_000)).isZero();
        }
    }

    @Test
    void requestsAreSpacedByOneOverTheRequestRate() {
        AdaptivePacer pacer = pacer(60, 0, Duration.ZERO);

        assertThat(pacer.reserve("m", 1)).isZero();
        assertThat(pacer.reserve("m", 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(pacer.reserve("m", 1)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void timePassingFreesTheSchedule() {
        AdaptivePacer pacer = pacer(60, 0, Duration.ZERO);
        pacer.reserve("m", 1);
        pacer.reserve("m", 1);

        advance(Duration.ofMillis(1500)); // the next slot is 2 s after the first call

        assertThat(pacer.reserve("m", 1)).isEqualTo(Duration.ofMillis(500));
        advance(Duration.ofSeconds(10));
        assertThat(pacer.reserve("m", 1)).isZero();
        // without a burst, idle time is not banked
        assertThat(pacer.reserve("m", 1)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anIdleLaneLetsABurstThroughAtOnce() {
        AdaptivePacer pacer = pacer(60, 0, Duration.ofSeconds(2));

        // the burst of 2 s at 1 request/s, plus the request due now
        assertThat(pacer.reserve("m", 1)).isZero();
        assertThat(pacer.reserve("m", 1)).isZero();
        assertThat(pacer.reserve("m", 1)).isZero();
        assertThat(pacer.reserve("m", 1)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void idlingLongerThanTheBurstSavesNoMoreThanTheBurst() {
        AdaptivePacer pacer = pacer(60, 0, Duration.ofSeconds(2));

        advance(Duration.ofMinutes(10));

        assertThat(pacer.reserve("m", 1)).isZero();
        assertThat(pacer.reserve("m", 1)).isZero();
        assertThat(pacer.reserve("m", 1)).isZero();
        assertThat(pacer.reserve("m", 1)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void tokensAreSpacedByTheirShareOfTheTokenRate() {
        AdaptivePacer pacer = pacer(0, 6000, Duration.ZERO);

        assertThat(pacer.reserve("m", 300)).isZero();
        // the 300 tokens just reserved take 3 s of the 100 tokens/s budget
        assertThat(pacer.reserve("m", 100)).isEqualTo(Duration.ofSeconds(3));
        assertThat(pacer.reserve("m", 0)).isEqualTo(Duration.ofSeconds(4));
        // a call of no tokens still counts as one
        assertThat(pacer.reserve("m", 1)).isEqualTo(Duration.ofSeconds(4).plusMillis(10));
    }

    @Test
    void theStricterOfTheTwoBudgetsDecides() {
        AdaptivePacer pacer = pacer(60, 6000, Duration.ZERO);

        pacer.reserve("m", 1000); // 10 s of tokens, 1 s of requests
        assertThat(pacer.reserve("m", 1)).isEqualTo(Duration.ofSeconds(10));

        AdaptivePacer requestBound = pacer(60, 6000, Duration.ZERO);
        requestBound.reserve("m", 1);
        assertThat(requestBound.reserve("m", 1)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void eachModelHasItsOwnLane() {
        AdaptivePacer pacer = pacer(60, 0, Duration.ZERO);
        pacer.reserve("primary", 1);
        pacer.throttled("primary");

        assertThat(pacer.reserve("fallback", 1)).isZero();
        assertThat(pacer.rateFraction("fallback")).isEqualTo(1.0);
        assertThat(pacer.rateFraction("primary")).isEqualTo(0.5);
    }

    @Test
    void throttlingCutsTheRateMultiplicativelyDownToTheMinimum() {
        AdaptivePacer pacer = pacer(60, 0, Duration.ZERO);

        assertThat(pacer.rateFraction("m")).isEqualTo(1.0);
        pacer.throttled("m");
        assertThat(pacer.rateFraction("m")).isEqualTo(0.5);
        pacer.throttled("m");
        pacer.throttled("m");
        assertThat(pacer.rateFraction("m")).isEqualTo(0.125);
        pacer.throttled("m");
        assertThat(pacer.rateFraction("m")).isEqualTo(0.1);
        pacer.throttled("m");
        assertThat(pacer.rateFraction("m")).isEqualTo(0.1);
    }

    @Test
    void successRaisesTheRateAdditivelyUpToTheBudget() {
        AdaptivePacer pacer = pacer(60, 0, Duration.ZERO);
        pacer.succeeded("m");
        assertThat(pacer.rateFraction("m")).isEqualTo(1.0);

        pacer.throttled("m");
        pacer.succeeded("m");
        assertThat(pacer.rateFraction("m")).isEqualTo(0.55, org.assertj.core.data.Offset.offset(1e-9));
        for (int i = 0; i < 20; i++) {
            pacer.succeeded("m");
        }
        assertThat(pacer.rateFraction("m")).isEqualTo(1.0);
    }

    @Test
    void aLowerRateSpacesLaterRequestsFurther() {
        AdaptivePacer pacer = pacer(60, 0, Duration.ZERO);
        pacer.throttled("m");

        assertThat(pacer.reserve("m", 1)).isZero();
        assertThat(pacer.reserve("m", 1)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void acquireReturnsAtOnceWhenNothingIsReservedAhead() throws InterruptedException {
        AdaptivePacer pacer = new AdaptivePacer(60, 0, 0.1, 0.05, 0.5, Duration.ZERO, System::nanoTime);
        long start = System.nanoTime();

        pacer.acquire("m", 1);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void acquireWaitsTheReservedTime() throws InterruptedException {
        AdaptivePacer pacer = new AdaptivePacer(60_000, 0, 0.1, 0.05, 0.5, Duration.ZERO, System::nanoTime); // 1 ms apart
        long start = System.nanoTime();

        for (int i = 0; i < 51; i++) {
            pacer.acquire("m", 1);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(49));
    }

    @Test
    void anInterruptedWaitThrows() {
        AdaptivePacer pacer = pacer(1, 0, Duration.ZERO);
        pacer.reserve("m", 1);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> pacer.acquire("m", 1)).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theFirstCallNeverWaitsWhateverTheClockReads() {
        now.set(-3_600_000_000_000L); // one hour before the clock's origin

        assertThat(pacer(60, 6000, Duration.ZERO).reserve("m", 1)).isZero();
    }
}
