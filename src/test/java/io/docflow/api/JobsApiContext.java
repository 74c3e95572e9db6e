package io.docflow.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.docflow.local.DocflowTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The application the API tests talk to over HTTP: the whole of docflow against the local AWS services, with a bucket,
 * queues and a jobs table of its own, so that the jobs it lists are the tests' and no other cached context takes its
 * messages. JobsApiTest and OpenApiDocumentTest share it (one context).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DocflowTest
@TestPropertySource(properties = {
        "docflow.buckets.input=jobs-api-input", "docflow.buckets.results=jobs-api-results",
        "docflow.queues.ingest=jobs-api-ingest", "docflow.queues.ingest-dlq=jobs-api-ingest-dlq",
        "docflow.queues.legacy-requests=jobs-api-legacy-requests",
        "docflow.queues.legacy-responses=jobs-api-legacy-responses",
        "docflow.jobs.table=jobs-api-jobs"})
@interface JobsApiContext {
}
