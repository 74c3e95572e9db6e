package io.docflow.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import org.apache.tika.Tika;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
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
    private static final String CLASSES = """
            invoice: a bill asking for payment
            receipt: proof of a payment already made
            contract: a legal agreement between parties
            resume: a person's work history
            letter: correspondence addressed to someone
            bank-statement: account transactions over a period
            form: a filled-in form
            report: a report
            other: anything else""";

    private final S3Client s3;
    private final BedrockRuntimeClient bedrock;
    private final String model;
    private final long retryDelayMillis;
    private final int maxRetries;
    private final Tika tika = new Tika();
    private int calls;
    private int throttled;

    private NaiveClient(S3Client s3, BedrockRuntimeClient bedrock, String model, long retryDelayMillis, int maxRetries) {
        this.s3 = s3;
        this.bedrock = bedrock;
        this.model = model;
        this.retryDelayMillis = retryDelayMillis;
        this.maxRetries = maxRetries;
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
        calls = 0;
        throttled = 0;
        try {
            byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
            String text = tika.parseToString(new ByteArrayInputStream(bytes));
            long extracted = System.currentTimeMillis();
            String documentClass = JSON.readTree(converse("Classify the document. Answer with JSON only.\n"
                    + "<task>classify</task>\n<classes>\n" + CLASSES + "\n</classes>\n<document>\n" + text + "\n</document>\n"))
                    .path("documentClass").asText("other");
            long classified = System.currentTimeMillis();
            String fields = converse("Extract the fields of this " + documentClass + ". Answer with JSON only.\n"
                    + "<task>extract</task>\n<class>" + documentClass + "</class>\n<schema>\n" + schema(documentClass)
                    + "\n</schema>\n<document>\n" + text + "\n</document>\n");
            long fieldsDone = System.currentTimeMillis();
            ObjectNode result = JSON.createObjectNode().put("key", key).put("documentClass", documentClass);
            result.set("fields", JSON.readTree(fields));
            s3.putObject(b -> b.bucket(results).key("naive/" + key + ".json"), RequestBody.fromString(result.toString()));
            long stored = System.currentTimeMillis();
            record.put("status", "COMPLETED").put("documentClass", documentClass)
                    .put("extractMs", extracted - started).put("classifyMs", classified - extracted)
                    .put("fieldsMs", fieldsDone - classified).put("storeMs", stored - fieldsDone);
        } catch (Exception | OutOfMemoryError e) {
            record.put("status", "FAILED").put("error", e.toString());
        }
        return record.put("finishedAt", System.currentTimeMillis()).put("calls", calls).put("throttled", throttled).toString();
    }

    /** One model call; throttled: wait the fixed delay and send it again. */
    private String converse(String prompt) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            calls++;
            try {
                return bedrock.converse(b -> b.modelId(model)
                                .messages(m -> m.role(ConversationRole.USER).content(ContentBlock.fromText(prompt)))
                                .inferenceConfig(c -> c.maxTokens(1024).temperature(0f)))
                        .output().message().content().get(0).text();
            } catch (ThrottlingException e) {
                throttled++;
                if (attempt >= maxRetries) {
                    throw e;
                }
                Thread.sleep(retryDelayMillis);
            }
        }
    }

    private static String schema(String documentClass) throws IOException {
        InputStream found = NaiveClient.class.getResourceAsStream("/document-classes/" + documentClass + ".schema.json");
        try (InputStream in = found != null ? found : NaiveClient.class.getResourceAsStream("/document-classes/other.schema.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static JsonNode parse(String line) throws IOException {
        return JSON.readTree(line);
    }
}
