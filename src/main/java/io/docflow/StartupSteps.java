package io.docflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

/**
 * Start-up diagnostics, only with {@code -Ddocflow.startup.steps=true} (docs/benchmarks.md, "Start-up: where the time
 * goes"): records Spring's start-up steps (BufferingApplicationStartup, also served at {@code /actuator/startup} when
 * that endpoint is exposed) and, once the application is ready, logs the slowest steps and the total per step name.
 */
final class StartupSteps {

    private static final Logger log = LoggerFactory.getLogger(StartupSteps.class);

    private StartupSteps() {
    }

    static void enableIfRequested(SpringApplication application) {
        if (!Boolean.getBoolean("docflow.startup.steps")) {
            return;
        }
        BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
        application.setApplicationStartup(startup);
        application.addListeners(event -> {
            if (event instanceof ApplicationReadyEvent) {
                report(startup.getBufferedTimeline());
            }
        });
    }

    private static void report(StartupTimeline timeline) {
        log.info(summary(timeline.getStartTime(), timeline.getEvents().stream()
                .map(e -> new Step(e.getStartupStep().getName(), e.getDuration(), tags(e))).toList()));
    }

    /** One recorded start-up step: its name, how long it took, and its tags ({@code key=value ...}). */
    record Step(String name, Duration duration, String tags) {
    }

    /** The total per step name, largest first, then the 40 slowest single steps with their tags. */
    static String summary(Instant jvmStart, List<Step> steps) {
        Map<String, long[]> byName = new LinkedHashMap<>();
        for (Step step : steps) {
            long[] totals = byName.computeIfAbsent(step.name(), n -> new long[2]);
            totals[0] += step.duration().toMillis();
            totals[1]++;
        }
        StringBuilder out = new StringBuilder("Start-up steps (JVM start " + jvmStart + "):\n");
        byName.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0]))
                .forEach(e -> out.append(String.format("  %-55s %6d ms in %d steps%n", e.getKey(), e.getValue()[0], e.getValue()[1])));
        out.append("Slowest single steps:\n");
        steps.stream().sorted(Comparator.comparing(Step::duration, Comparator.reverseOrder()))
                .limit(40).forEach(e -> out.append(String.format("  %6d ms %s %s%n", e.duration().toMillis(),
                        e.name(), e.tags())));
        return out.toString();
    }

    private static String tags(StartupTimeline.TimelineEvent event) {
        StringBuilder tags = new StringBuilder();
        event.getStartupStep().getTags().forEach(t -> tags.append(t.getKey()).append('=').append(t.getValue()).append(' '));
        return tags.toString().strip();
    }
}
