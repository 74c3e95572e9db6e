package io.docflow.extract;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where documents are parsed, bound from {@code docflow.extract.isolation.*}. Isolated, each parse runs in a child
 * JVM (a parser worker) with a heap of its own: a document that exhausts it, never finishes, or crashes the JVM
 * takes down that worker only; the document fails with {@code TOO_LARGE_EXPANDED}, {@code PARSE_TIMEOUT} or
 * {@code PARSER_CRASHED} and a new worker takes the dead one's place.
 *
 * @param enabled     false parses inside docflow's own JVM (tools and tests that do not need the isolation)
 * @param workers     parser workers kept running; at most this many documents are parsed at once
 * @param heap        each worker's maximum heap ({@code -Xmx}); a parse needing more fails the document
 * @param startTimeout how long a new worker may take to become ready
 * @param jvmOptions  further options for the workers' JVMs
 */
public record ParserIsolation(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2") int workers,
        @DefaultValue("384MB") DataSize heap,
        @DefaultValue("60s") Duration startTimeout,
        @DefaultValue List<String> jvmOptions) {

    public ParserIsolation {
        if (workers < 1) {
            throw new IllegalArgumentException("docflow.extract.isolation.workers must be at least 1, was " + workers);
        }
        Objects.requireNonNull(heap, "docflow.extract.isolation.heap must be set");
        if (heap.toMegabytes() < 64) {
            throw new IllegalArgumentException("docflow.extract.isolation.heap must be at least 64MB, was " + heap);
        }
        Objects.requireNonNull(startTimeout, "docflow.extract.isolation.start-timeout must be set");
        jvmOptions = jvmOptions == null ? List.of() : List.copyOf(jvmOptions);
    }

    public static ParserIsolation defaults() {
        return new ParserIsolation(true, 2, DataSize.ofMegabytes(384), Duration.ofSeconds(60), List.of());
    }

    public ParserIsolation inProcess() {
        return new ParserIsolation(false, workers, heap, startTimeout, jvmOptions);
    }
}
