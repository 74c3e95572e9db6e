package io.docflow.pipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.docflow.config.DocflowProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    /**
     * The pool the per-chunk extraction calls of all documents share, so a burst of long documents cannot open more
     * than {@code docflow.models.extraction-parallelism} concurrent extraction calls per pod.
     */
    @Bean(name = "extractionPool", destroyMethod = "shutdown")
    ExecutorService extractionPool(DocflowProperties properties) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(properties.models().extractionParallelism(), r -> {
            Thread thread = new Thread(r, "docflow-extract-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
