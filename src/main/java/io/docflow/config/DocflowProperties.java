package io.docflow.config;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.docflow.extract.ExtractionSettings;
import io.docflow.model.ModelOutput;
import io.docflow.ocr.OcrSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The names of every AWS resource docflow uses and how it reaches AWS. Bound from {@code docflow.*};
 * every key is documented in docs/configuration.md.
 */
@Validated
@ConfigurationProperties("docflow")
public record DocflowProperties(
        @Valid @NotNull @DefaultValue Aws aws,
        @Valid @NotNull @DefaultValue Buckets buckets,
        @Valid @NotNull @DefaultValue Queues queues,
        @Valid @NotNull @DefaultValue Jobs jobs,
        @Valid @NotNull @DefaultValue Events events,
        @Valid @NotNull @DefaultValue Ingest ingest,
        @Valid @NotNull @DefaultValue ExtractionSettings extract,
        @Valid @NotNull @DefaultValue OcrSettings ocr,
        @Valid @NotNull @DefaultValue Classes classes,
        @Valid @NotNull @DefaultValue Prompts prompts,
        @Valid @NotNull @DefaultValue Models models,
        @Valid @NotNull @DefaultValue Startup startup,
        @Valid @NotNull @DefaultValue Legacy legacy) {

    /**
     * How the AWS SDK clients are built. In production region and credentials come from the default chains
     * (IRSA on EKS) and no endpoint is overridden; local mode and tests point every endpoint at 127.0.0.1.
     */
    public record Aws(
            String region,
            @Valid @NotNull @DefaultValue Endpoints endpoints,
            @DefaultValue("false") boolean s3PathStyle,
            @NotNull @DefaultValue("30s") Duration apiCallTimeout,
            @NotNull @DefaultValue("10s") Duration apiCallAttemptTimeout) {
    }

    /** Endpoint overrides per service; unset means the SDK's regional endpoint. */
    public record Endpoints(URI s3, URI sqs, URI dynamodb, URI sns, URI eventbridge, URI bedrockRuntime) {
    }

    public record Buckets(
            @NotBlank @DefaultValue("docflow-input") String input,
            @NotBlank @DefaultValue("docflow-results") String results) {
    }

    public record Queues(
            @NotBlank @DefaultValue("docflow-ingest") String ingest,
            @NotBlank @DefaultValue("docflow-ingest-dlq") String ingestDlq,
            @Min(1) @DefaultValue("5") int ingestMaxReceiveCount,
            @NotBlank @DefaultValue("docflow-legacy-requests") String legacyRequests,
            @NotBlank @DefaultValue("docflow-legacy-responses") String legacyResponses) {
    }

    /** The DynamoDB table holding one item per job plus one idempotency item per source object version. */
    /**
     * The jobs table, and the crash-loop rule: a job started {@code maxUnfinishedAttempts} times that never finished
     * nor failed in an orderly way (each attempt ended with its process: killed, out of memory) is not started again;
     * it is FAILED {@code CRASHED_REPEATEDLY} and its message goes to the dead-letter queue.
     */
    public record Jobs(@NotBlank @DefaultValue("docflow-jobs") String table,
                       @jakarta.validation.constraints.Min(1) @DefaultValue("3") int maxUnfinishedAttempts,
                       @Valid @NotNull @DefaultValue Listing listing,
                       @Valid @NotNull @DefaultValue LiveUpdates liveUpdates) {
    }

    /**
     * {@code GET /api/v1/jobs/events}: each pod reads the newest {@code pageSize} jobs every {@code pollInterval} while
     * clients are connected, and tells them which changed; a comment every {@code heartbeat} keeps idle streams open
     * through proxies; a stream ends after {@code streamTimeout} and the client opens a new one.
     */
    public record LiveUpdates(@NotNull @DefaultValue("1s") Duration pollInterval,
                              @Min(1) @Max(1000) @DefaultValue("100") int pageSize,
                              @NotNull @DefaultValue("15s") Duration heartbeat,
                              @NotNull @DefaultValue("30m") Duration streamTimeout) {
    }

    /**
     * {@code GET /api/v1/jobs}: the page size when none is asked for, the largest page, and how many DynamoDB queries
     * one page may take before it ends early with a cursor (selective filters, runs of days without jobs).
     */
    public record Listing(@Min(1) @DefaultValue("20") int defaultLimit,
                          @Min(1) @Max(1000) @DefaultValue("100") int maxLimit,
                          @Min(1) @Max(1000) @DefaultValue("30") int maxQueriesPerPage) {
    }

    /** Where outcomes are announced: the SNS topic and the EventBridge bus. */
    public record Events(
            @NotBlank @DefaultValue("docflow-document-events") String topic,
            @NotBlank @DefaultValue("docflow") String bus) {
    }

    /**
     * How the ingest queue is consumed and which objects become jobs. Each consumer processes one document at a
     * time, so {@code concurrentConsumers} is the number of documents in flight per pod; {@code maxMessagesPerPoll}
     * is how many messages a consumer takes per receive (the ones after the first wait, hidden, for their turn).
     * Prefix and suffix filter object keys the way S3 notification filters do (empty: everything); the suffix match
     * ignores case.
     */
    public record Ingest(
            @Min(1) @DefaultValue("4") int concurrentConsumers,
            @Min(1) @Max(10) @DefaultValue("1") int maxMessagesPerPoll,
            @Min(0) @DefaultValue("20") int waitTimeSeconds,
            @Min(1) @DefaultValue("300") int visibilityTimeoutSeconds,
            @NotNull @DefaultValue("") String prefix,
            @NotNull @DefaultValue("") String suffix) {
    }

    /** Where the document class schema files ({@code <name>.schema.json}) are read from. */
    public record Classes(@NotBlank @DefaultValue("classpath:document-classes/") String location) {
    }

    /**
     * Where the prompt files ({@code <task>.<version>.txt}) are read from, and which versions are used.
     *
     * @param version     the prompts of tool-use calls (they ask for the tool and the evidence)
     * @param textVersion the prompts of text calls (JSON in the reply's text): {@code docflow.models.output: text}, and
     *                    models that refuse tool use
     */
    public record Prompts(
            @NotBlank @DefaultValue("classpath:prompts/") String location,
            @NotBlank @DefaultValue("v2") String version,
            @NotBlank @DefaultValue("v1") String textVersion) {

        public String version(ModelOutput output) {
            return output == ModelOutput.TOOL_USE ? version : textVersion;
        }
    }

    /**
     * Which Bedrock model serves each task, how it is asked, and what it costs. Model ids may be inference profile
     * ids (e.g. {@code us.anthropic.claude-3-5-haiku-20241022-v1:0}).
     *
     * @param extractionByClass model id per document class, overriding {@code extraction}
     * @param maxTokens         set explicitly: newer models reserve it against the token quota up front
     * @param prices            USD per million input and output tokens, per model id, for the cost estimate
     * @param output            how calls ask for their answer: tool use (the default; a model that refuses it gets
     *                          text calls) or text for every model
     */
    public record Models(
            @NotBlank @DefaultValue("anthropic.claude-3-haiku-20240307-v1:0") String classification,
            @NotBlank @DefaultValue("anthropic.claude-3-haiku-20240307-v1:0") String extraction,
            @NotNull @DefaultValue Map<String, String> extractionByClass,
            @Min(1) @DefaultValue("1024") int maxTokens,
            @DefaultValue("0") double temperature,
            @Min(1) @DefaultValue("4") int extractionParallelism,
            @Min(100) @DefaultValue("24000") int classificationMaxCharacters,
            @NotNull @DefaultValue Map<String, Price> prices,
            @NotNull @DefaultValue("") String fallback,
            @Valid @NotNull @DefaultValue Retry retry,
            @Valid @NotNull @DefaultValue Breaker breaker,
            @Valid @NotNull @DefaultValue Pacing pacing,
            @Valid @NotNull @DefaultValue Parking parking,
            @NotNull @DefaultValue("tool-use") ModelOutput output) {

        public boolean hasFallback() {
            return !fallback.isBlank();
        }

        public String extractionModelFor(String documentClass) {
            return extractionByClass.getOrDefault(documentClass, extraction);
        }

        /** Every model id docflow may call: classification, extraction (also per class), fallback. */
        public Set<String> configuredIds() {
            Set<String> ids = new LinkedHashSet<>(List.of(classification, extraction));
            ids.addAll(extractionByClass.values());
            if (hasFallback()) {
                ids.add(fallback);
            }
            return ids;
        }
    }

    /**
     * Camel redelivery of one model call (the SDK does not retry Bedrock calls, so attempts do not multiply):
     * exponential backoff from {@code initialDelayMillis}, doubling, capped at {@code maxDelayMillis}, with jitter.
     */
    public record Retry(
            @Min(0) @DefaultValue("4") int throttledRedeliveries,
            @Min(0) @DefaultValue("2") int errorRedeliveries,
            @Min(1) @DefaultValue("500") long initialDelayMillis,
            @Min(1) @DefaultValue("20000") long maxDelayMillis) {
    }

    /** Resilience4j circuit breaker per model role (primary, fallback). */
    public record Breaker(
            @DefaultValue("50") float failureRateThreshold,
            @Min(1) @DefaultValue("20") int slidingWindowSize,
            @Min(1) @DefaultValue("5") int minimumNumberOfCalls,
            @NotNull @DefaultValue("30s") Duration waitInOpenState,
            @Min(1) @DefaultValue("2") int permittedCallsInHalfOpenState,
            @DefaultValue("80") float slowCallRateThreshold,
            @NotNull @DefaultValue("60s") Duration slowCallDuration) {
    }

    /**
     * This pod's share of the Bedrock quota, per model (0: unpaced). With N pods sharing an account quota Q, set
     * about Q/N; the adaptive rate then trims each pod's share when Bedrock throttles (docs/reliability.md).
     */
    public record Pacing(
            @Min(0) @DefaultValue("0") double requestsPerMinute,
            @Min(0) @DefaultValue("0") double tokensPerMinute,
            @DefaultValue("0.1") double minimumFraction,
            @DefaultValue("0.02") double increase,
            @DefaultValue("0.7") double decrease,
            @NotNull @DefaultValue("1s") Duration burst) {
    }

    /** When every model is unavailable the document waits on the queue: the delay doubles per parking, capped. */
    public record Parking(
            @NotNull @DefaultValue("30s") Duration initialDelay,
            @NotNull @DefaultValue("15m") Duration maxDelay) {
    }

    public record Price(@NotNull BigDecimal inputPerMillion, @NotNull BigDecimal outputPerMillion) {
    }

    /** Start-up checks: every named bucket, queue, table, topic and bus must exist and be reachable. */
    public record Startup(@DefaultValue("true") boolean verifyResources, @DefaultValue("false") boolean backgroundInit) {
    }

    /**
     * The legacy SOAP/SQS bridge (docs/legacy/README.md); its queues are {@code docflow.queues.legacy-*}.
     *
     * @param maxMessageSize       requests larger than this (UTF-8) are refused unparsed; 256 KiB is the classic
     *                             SQS message limit
     * @param maxInlineContentSize decoded inline documents larger than this are refused: base64 makes them 4/3 as
     *                             large, and the envelope needs the rest of the message; larger ones go by S3Reference
     * @param replyQueuePattern    a reply queue named in a request is used only if its whole name matches (and it is
     *                             not the requests queue); untrusted data never picks another queue
     * @param sourceBuckets        buckets an S3Reference may point into; empty: the input bucket only
     * @param keyPrefix            where submitted documents are kept in the input bucket, one folder per correlation
     *                             id; it must lie within {@code docflow.ingest.prefix} so the documents become jobs
     * @param defaultSoapVersion   SOAP version of faults for requests whose version cannot be read
     */
    public record Legacy(
            @Min(1) @DefaultValue("2") int concurrentConsumers,
            @Min(0) @Max(20) @DefaultValue("20") int waitTimeSeconds,
            @NotNull @DefaultValue("256KB") DataSize maxMessageSize,
            @NotNull @DefaultValue("188KB") DataSize maxInlineContentSize,
            @NotBlank @DefaultValue("docflow-legacy-[A-Za-z0-9_-]{1,64}") String replyQueuePattern,
            @NotNull @DefaultValue List<String> sourceBuckets,
            @NotBlank @jakarta.validation.constraints.Pattern(regexp = "([A-Za-z0-9._-]+/)+") @DefaultValue("legacy/") String keyPrefix,
            @NotBlank @jakarta.validation.constraints.Pattern(regexp = "1\\.[12]") @DefaultValue("1.1") String defaultSoapVersion) {

        public Legacy {
            // an invalid pattern fails the start with this key's name, not the first request
            Pattern.compile(replyQueuePattern);
        }
    }
}
