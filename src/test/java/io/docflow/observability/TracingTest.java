package io.docflow.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.docflow.config.DocflowProperties;
import io.docflow.local.DocflowTest;
import io.docflow.local.LocalAwsInitializer;
import io.docflow.local.TestDocuments;
import io.docflow.local.bedrock.Fault;
import io.docflow.local.bedrock.LocalBedrock;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Tracing and log correlation through the real path: Camel's spans on Spring Boot's OpenTelemetry SDK, exported to
 * an in-memory exporter. One document is one trace from the ingest message to the announcement, also when it is
 * parked and comes back through the ingest queue; every log line written for the job carries its job and trace ids.
 */
@DocflowTest
// Spring Boot tests switch tracing off (no propagators) unless asked
@AutoConfigureObservability
@Import(TracingTest.InMemorySpans.class)
@TestPropertySource(properties = {
        // a bucket and queue of its own: other docflow contexts cached in this JVM must not take its documents
        "docflow.buckets.input=tracing-input", "docflow.queues.ingest=tracing-ingest",
        "docflow.queues.ingest-dlq=tracing-ingest-dlq", "docflow.queues.legacy-requests=tracing-legacy-requests",
        "docflow.queues.legacy-responses=tracing-legacy-responses",
        "docflow.models.retry.initial-delay-millis=20",
        "docflow.models.retry.max-delay-millis=100",
        "docflow.models.parking.initial-delay=1s",
        "docflow.models.parking.max-delay=1s"})
class TracingTest {

    private static final AttributeKey<String> JOB_ID = AttributeKey.stringKey(JobCorrelation.JOB_ID_ATTRIBUTE);
    private static final AttributeKey<String> COMPONENT = AttributeKey.stringKey("component");
    private static final AttributeKey<String> RPC_SERVICE =
            AttributeKey.stringKey("rpc.service");
    private static final AttributeKey<String> RPC_METHOD =
            AttributeKey.stringKey("rpc.method");
    private static final AttributeKey<String> CAMEL_URI = AttributeKey.stringKey("camel.uri");

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemorySpans {
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired DocflowProperties config;
    @Autowired S3Client s3;
    @Autowired DynamoDbClient dynamoDb;
    @Autowired InMemorySpanExporter spans;
    @Autowired SdkTracerProvider tracerProvider;

    private final LocalBedrock bedrock = LocalAwsInitializer.sharedServices().bedrock();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private TestDocuments documents;

    @BeforeEach
    void start() {
        documents = new TestDocuments(config, s3, dynamoDb);
        bedrock.faults().clear();
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stop() {
        root().detachAppender(logs);
        bedrock.faults().clear();
    }

    @Test
    void oneDocumentIsOneTraceFromTheIngestMessageToTheAnnouncement() {
        String jobId = documents.put("tracing/invoice-" + System.nanoTime() + ".txt", invoice("TR-1"));
        assertThat(documents.awaitFinal(jobId).get("status").s()).isEqualTo("COMPLETED");

        List<SpanData> trace = traceOf(jobId);
        assertThat(trace.stream().filter(s -> !s.getParentSpanContext().isValid()))
                .as("one root span").singleElement()
                .satisfies(root -> {
                    assertThat(root.getKind()).isEqualTo(SpanKind.SERVER);
                    assertThat(root.getAttributes().get(CAMEL_URI)).startsWith("aws2-sqs://" + config.queues().ingest() + "?");
                });
        assertThat(components(trace)).as("every service the document went through, in the same trace")
                .contains("camel-aws2-sqs", "camel-aws2-s3", "camel-aws-bedrock", "camel-aws2-sns",
                        "camel-aws2-eventbridge");
        // the jobs table's calls (JobsTable, through the SDK): registration, PROCESSING, the final status, announced
        assertThat(trace.stream().filter(s -> "DynamoDb".equals(s.getAttributes().get(RPC_SERVICE)))
                .map(s -> s.getAttributes().get(RPC_METHOD)))
                .as("DynamoDB calls in the document's trace").contains("PutItem", "UpdateItem");
    }

    @Test
    void aParkedDocumentKeepsItsTraceWhenItComesBackThroughTheIngestQueue() {
        // Local S3 announces the object twice; the second announcement, often received in the same batch and handled
        // after the first has parked the job, must be dropped, not take the parked job into a trace of its own.
        bedrock.faults().injectAlways(LocalBedrock.ALL_MODELS, Fault.SERVICE_UNAVAILABLE);
        String jobId = documents.put("tracing/parked-" + System.nanoTime() + ".txt", invoice("TR-2"));
        await().atMost(Duration.ofSeconds(30)).until(() -> parkings(jobId) >= 1);
        bedrock.faults().clear();
        Map<String, AttributeValue> job = documents.awaitFinal(jobId);
        assertThat(job.get("status").s()).isEqualTo("COMPLETED");

        List<SpanData> trace = traceOf(jobId);
        List<SpanData> ingestReceives = trace.stream().filter(s -> s.getKind() == SpanKind.SERVER)
                .filter(s -> s.getAttributes().get(CAMEL_URI).startsWith("aws2-sqs://" + config.queues().ingest() + "?"))
                .toList();
        assertThat(ingestReceives).as("the first receive and the receive after parking").hasSizeGreaterThanOrEqualTo(2);
        SpanData park = trace.stream()
                .filter(s -> s.getKind() == SpanKind.CLIENT)
                // Camel's spans; the jobs table's DynamoDB calls are client spans without a Camel URI
                .filter(s -> s.getAttributes().get(CAMEL_URI) != null)
                .filter(s -> s.getAttributes().get(CAMEL_URI).startsWith("aws2-sqs://" + config.queues().ingest() + "?"))
                .findFirst().orElseThrow(() -> new AssertionError("no span for the parked message's send: " + trace));
        assertThat(ingestReceives).anySatisfy(receive ->
                assertThat(receive.getParentSpanContext().getSpanId()).isEqualTo(park.getSpanId()));
    }

    @Test
    void everyLogLineOfAJobCarriesItsJobIdAndTraceId() {
        String jobId = documents.put("tracing/logged-" + System.nanoTime() + ".txt", invoice("TR-3"));
        documents.awaitFinal(jobId);
        String traceId = traceOf(jobId).get(0).getTraceId();

        // the lines of the exchange that processed the job (the dropped duplicate announcement has its own trace id)
        List<ILoggingEvent> jobLines = List.copyOf(logs.list).stream()
                .filter(e -> e.getFormattedMessage().contains(jobId))
                .filter(e -> !e.getFormattedMessage().contains("duplicate announcement")).toList();
        assertThat(jobLines).as("the job's QUEUED and outcome lines at least").hasSizeGreaterThanOrEqualTo(2);
        assertThat(jobLines).allSatisfy(line -> {
            assertThat(line.getMDCPropertyMap()).as(line.getFormattedMessage())
                    .containsEntry(JobCorrelation.JOB_ID, jobId)
                    .containsEntry(JobCorrelation.TRACE_ID, traceId);
        });
    }

    /**
     * The spans of the trace that processed the job, once all of them have ended (no exported span is missing its
     * parent). Local S3 announces every object twice (S3 notification and EventBridge), so a job has a second, short
     * trace too: the duplicate announcement, dropped at registration, which must not have called a model.
     */
    private List<SpanData> traceOf(String jobId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            tracerProvider.forceFlush().join(5, TimeUnit.SECONDS);
            List<SpanData> finished = spans.getFinishedSpanItems();
            Set<String> traceIds = finished.stream().filter(s -> jobId.equals(s.getAttributes().get(JOB_ID)))
                    .map(SpanData::getTraceId).collect(Collectors.toSet());
            Map<Boolean, List<List<SpanData>>> byModelCalls = traceIds.stream()
                    .map(id -> finished.stream().filter(s -> s.getTraceId().equals(id)).toList())
                    .collect(Collectors.partitioningBy(trace -> components(trace).contains("camel-aws-bedrock")));
            List<List<SpanData>> processed = byModelCalls.get(true);
            assertThat(processed.size()).as("traces of job %s that called a model; its log lines: %s", jobId,
                    List.copyOf(logs.list).stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(jobId)).toList())
                    .isLessThanOrEqualTo(1);
            if (processed.isEmpty() || !complete(processed.get(0))) {
                return List.<SpanData>of();
            }
            for (List<SpanData> duplicate : byModelCalls.get(false)) {
                assertThat(components(duplicate)).as("a dropped duplicate announcement").doesNotContain("camel-aws2-sns");
            }
            return processed.get(0);
        }, trace -> !trace.isEmpty());
    }

    private static boolean complete(List<SpanData> trace) {
        Set<String> ended = trace.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
        return trace.stream().map(SpanData::getParentSpanContext)
                .allMatch(parent -> !parent.isValid() || ended.contains(parent.getSpanId()));
    }

    private static Set<String> components(List<SpanData> trace) {
        return trace.stream().map(s -> s.getAttributes().get(COMPONENT)).collect(Collectors.toSet());
    }

    private int parkings(String jobId) {
        var item = documents.item(jobId);
        return item == null || !item.containsKey("parkings") ? 0 : Integer.parseInt(item.get("parkings").n());
    }

    private static byte[] invoice(String number) {
        return ("ACME Supplies Ltd\nINVOICE\nInvoice Number: " + number
                + "\nBill To: Example Corp\nDue Date: 2026-12-01\nTotal: $120.00\n")
                .getBytes();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
