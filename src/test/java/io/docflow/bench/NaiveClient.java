package io.docflow.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The baseline: what a naive integration does. One consumer, one document at a time: download the object whole,
 * extract its text with Tika's facade, ask the model to classify it, then to extract its fields, store the answer;
 * a throttled call is retried after a fixed 1 s, nothing else. It calls the same local Bedrock with the AWS SDK,
 * runs as its own JVM (so its heap is measured like docflow's) and writes one JSON line per document.
 *
 * <p>Arguments: {@code --s3=<url> --bedrock=<url> --bucket=<b> --results=<b> --model=<id> --keys=<file>
 * --out=<file> [--retry-delay-ms=1000] [--max-retries=300]}.
 */
public final class NaiveClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final S3Client s3;
    private final NaivePipeline pipeline;

    private NaiveClient(S3Client s3, BedrockRuntimeClient bedrock, String model, long retryDelayMillis, int maxRetries) {
        this.s3 = s3;
        this.pipeline = new NaivePipeline(bedrock, model, retryDelayMillis, maxRetries);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        Region region = Region.US_EAST_1;
        try (S3Client s3 = S3Client.builder().region(region).endpointOverride(URI.create(options.get("s3")))
                .httpClientBuilder(ApacheHttpClient.builder()).forcePathStyle(true).build();
             BedrockRuntimeClient bedrock = BedrockRuntimeClient.builder().region(region)
                     .httpClientBuilder(ApacheHttpClient.builder())
                     .endpointOverride(URI.create(options.get("bedrock")))
                     .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                     .build();
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(options.get("out")), StandardCharsets.UTF_8))) {
            NaiveClient client = new NaiveClient(s3, bedrock, options.get("model"),
                    Long.parseLong(options.getOrDefault("retry-delay-ms", "1000")),
                    Integer.parseInt(options.getOrDefault("max-retries", "300")));
            List<String> keys = Files.readAllLines(Path.of(options.get("keys")));
            for (String key : keys) {
                if (key.isBlank()) {
                    continue;
                }
                out.println(client.process(options.get("bucket"), options.get("results"), key.strip()));
                out.flush();
            }
        }
    }

    private String process(String bucket, String results, String key) {
        ObjectNode record = JSON.createObjectNode().put("key", key);
        long started = System.currentTimeMillis();
        record.put("startedAt", started);
        NaivePipeline.Answer answer = null;
        try {
            byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
            answer = pipeline.answer(bytes);
            ObjectNode result = JSON.createObjectNode().put("key", key).put("documentClass", answer.documentClass());
            result.set("fields", answer.fields());
            long beforeStore = System.currentTimeMillis();
            s3.putObject(b -> b.bucket(results).key("naive/" + key + ".json"), RequestBody.fromString(result.toString()));
            long stored = System.currentTimeMillis();
            record.put("status", "COMPLETED").put("documentClass", answer.documentClass())
                    .put("extractMs", answer.extractMs()).put("classifyMs", answer.classifyMs())
                    .put("fieldsMs", answer.fieldsMs()).put("storeMs", stored - beforeStore);
        } catch (NaivePipeline.NaiveFailure e) {
            answer = e.partial();
            record.put("status", "FAILED").put("error", e.getCause().toString());
        } catch (Exception | OutOfMemoryError e) {
            record.put("status", "FAILED").put("error", e.toString());
        }
        return record.put("finishedAt", System.currentTimeMillis())
                .put("calls", answer == null ? 0 : answer.calls())
                .put("throttled", answer == null ? 0 : answer.throttled()).toString();
    }

    static JsonNode parse(String line) throws IOException {
        return JSON.readTree(line);
    }
}
