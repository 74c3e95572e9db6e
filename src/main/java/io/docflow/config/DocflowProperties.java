package io.docflow.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
        @Valid @NotNull @DefaultValue Startup startup) {

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
    public record Jobs(@NotBlank @DefaultValue("docflow-jobs") String table) {
    }

    /** Where outcomes are announced: the SNS topic and the EventBridge bus. */
    public record Events(
            @NotBlank @DefaultValue("docflow-document-events") String topic,
            @NotBlank @DefaultValue("docflow") String bus) {
    }

    /**
     * How the ingest queue is consumed and which objects become jobs. Prefix and suffix filter object keys the
     * way S3 notification filters do (empty: everything); the suffix match ignores case.
     */
    public record Ingest(
            @Min(1) @DefaultValue("4") int concurrentConsumers,
            @Min(0) @DefaultValue("20") int waitTimeSeconds,
            @Min(1) @DefaultValue("300") int visibilityTimeoutSeconds,
            @NotNull @DefaultValue("") String prefix,
            @NotNull @DefaultValue("") String suffix) {
    }

    /** Start-up checks: every named bucket, queue, table, topic and bus must exist and be reachable. */
    public record Startup(@DefaultValue("true") boolean verifyResources) {
    }
}
