package io.docflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.core.metrics.ApplicationStartup;

class StartupStepsTest {

    @Test
    void stepsAreTotalledPerNameLargestFirstThenListedSlowestFirst() {
        String summary = StartupSteps.summary(Instant.parse("2026-01-01T00:00:00Z"), List.of(
                new StartupSteps.Step("spring.beans.instantiate", Duration.ofMillis(30), "beanName=a"),
                new StartupSteps.Step("spring.context.refresh", Duration.ofMillis(50), ""),
                new StartupSteps.Step("spring.beans.instantiate", Duration.ofMillis(40), "beanName=b")));

        assertThat(summary.lines().toList()).containsExactly(
                "Start-up steps (JVM start 2026-01-01T00:00:00Z):",
                "  %-55s %6d ms in %d steps".formatted("spring.beans.instantiate", 70, 2),
                "  %-55s %6d ms in %d steps".formatted("spring.context.refresh", 50, 1),
                "Slowest single steps:",
                "      50 ms spring.context.refresh ",
                "      40 ms spring.beans.instantiate beanName=b",
                "      30 ms spring.beans.instantiate beanName=a");
    }

    @Test
    void onlyTheFortySlowestSingleStepsAreListed() {
        List<StartupSteps.Step> steps = new ArrayList<>();
        for (int i = 1; i <= 45; i++) {
            steps.add(new StartupSteps.Step("step", Duration.ofMillis(i), "n=" + i));
        }

        String slowest = StartupSteps.summary(Instant.EPOCH, steps).split("Slowest single steps:\n")[1];

        assertThat(slowest.lines()).hasSize(40).first().asString().endsWith("n=45");
        assertThat(slowest).doesNotContain("n=5\n").contains("n=6\n");
    }

    @Test
    void recordingIsOnlyEnabledWhenAskedFor() {
        SpringApplication plain = new SpringApplication(Object.class);
        StartupSteps.enableIfRequested(plain);
        assertThat(plain.getApplicationStartup()).isSameAs(ApplicationStartup.DEFAULT);

        String before = System.getProperty("docflow.startup.steps");
        System.setProperty("docflow.startup.steps", "true");
        try {
            SpringApplication recorded = new SpringApplication(Object.class);
            StartupSteps.enableIfRequested(recorded);
            assertThat(recorded.getApplicationStartup()).isInstanceOf(BufferingApplicationStartup.class);
        } finally {
            if (before == null) {
                System.clearProperty("docflow.startup.steps");
            } else {
                System.setProperty("docflow.startup.steps", before);
            }
        }
    }
}
