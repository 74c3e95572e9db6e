package io.docflow.evaluation.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.bench.NaivePipeline;
import io.docflow.config.DocflowProperties;
import io.docflow.evaluation.GroundTruth;
import io.docflow.evaluation.ObservedResult;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The naive baseline on the same set (io.docflow.bench.NaivePipeline: Tika's facade, one call to classify and one
 * to extract, the whole text each time), against the same local Bedrock and model as docflow, one document at a
 * time, priced with docflow's own price table so cost compares like with like.
 */
final class NaiveRun {

    private final URI bedrock;
    private final String model;
    private final DocflowProperties.Price price;
    private final Progress progress;

    NaiveRun(URI bedrock, String model, DocflowProperties.Price price, Progress progress) {
        this.bedrock = bedrock;
        this.model = model;
        this.price = price;
        this.progress = progress;
    }

    Map<GroundTruth, ObservedResult> run(List<GroundTruth> truths) {
        Map<GroundTruth, ObservedResult> observed = new LinkedHashMap<>();
        try (BedrockRuntimeClient client = BedrockRuntimeClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(ApacheHttpClient.builder()).endpointOverride(bedrock)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            NaivePipeline pipeline = new NaivePipeline(client, model, 1000, 300);
            for (GroundTruth truth : truths) {
                ObservedResult result = answer(pipeline, truth);
                observed.put(truth, result);
                progress.done(truth, result.status());
            }
        }
        return observed;
    }

    private ObservedResult answer(NaivePipeline pipeline, GroundTruth truth) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(truth.document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            NaivePipeline.Answer answer = pipeline.answer(bytes);
            JsonNode fields = answer.fields();
            return new ObservedResult("COMPLETED", null, answer.documentClass(),
                    fields != null && fields.isObject() ? (ObjectNode) fields : null, List.of(), false, usage(answer),
                    answer.extractMs() + answer.classifyMs() + answer.fieldsMs());
        } catch (NaivePipeline.NaiveFailure e) {
            NaivePipeline.Answer partial = e.partial();
            return new ObservedResult("FAILED", e.getCause().toString(), partial.documentClass(), null, List.of(), false,
                    usage(partial), partial.extractMs() + partial.classifyMs() + partial.fieldsMs());
        }
    }

    private ObservedResult.Usage usage(NaivePipeline.Answer answer) {
        BigDecimal cost = price == null ? null : price.inputPerMillion().multiply(BigDecimal.valueOf(answer.inputTokens()))
                .add(price.outputPerMillion().multiply(BigDecimal.valueOf(answer.outputTokens())))
                .divide(BigDecimal.valueOf(1_000_000), 10, RoundingMode.HALF_UP);
        return new ObservedResult.Usage(answer.calls(), answer.inputTokens(), answer.outputTokens(), cost);
    }
}
