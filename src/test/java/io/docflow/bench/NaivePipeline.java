package io.docflow.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.tika.Tika;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/**
 * What a naive integration does with one document: extract its text with Tika's facade (which runs Tesseract on
 * images when it is installed), ask the model to classify the whole text, then to extract the fields of that class
 * from the whole text, and take the replies as JSON; a throttled call is retried after a fixed delay, nothing else. Used by the benchmark's baseline
 * ({@link NaiveClient}) and by the evaluation's baseline, so both measure the same thing.
 */
public final class NaivePipeline {

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

    /** The answer for one document, with what it took. */
    public record Answer(String documentClass, JsonNode fields, int calls, int throttled, long inputTokens,
                         long outputTokens, long extractMs, long classifyMs, long fieldsMs) {
    }

    /** A document the naive pipeline could not finish; {@link #partial()} holds the calls made until then. */
    public static final class NaiveFailure extends RuntimeException {

        private final transient Answer partial;

        NaiveFailure(Throwable cause, Answer partial) {
            super(cause);
            this.partial = partial;
        }

        public Answer partial() {
            return partial;
        }
    }

    private final BedrockRuntimeClient bedrock;
    private final String model;
    private final long retryDelayMillis;
    private final int maxRetries;
    private final Tika tika = new Tika();
    private int calls;
    private int throttled;
    private long inputTokens;
    private long outputTokens;

    public NaivePipeline(BedrockRuntimeClient bedrock, String model, long retryDelayMillis, int maxRetries) {
        this.bedrock = bedrock;
        this.model = model;
        this.retryDelayMillis = retryDelayMillis;
        this.maxRetries = maxRetries;
    }

    /** Not thread-safe: one document at a time, as the naive integration works. */
    public Answer answer(byte[] document) {
        calls = 0;
        throttled = 0;
        inputTokens = 0;
        outputTokens = 0;
        long started = System.currentTimeMillis();
        long extracted = started;
        long classified = started;
        String documentClass = null;
        try {
            String text = tika.parseToString(new ByteArrayInputStream(document));
            extracted = System.currentTimeMillis();
            documentClass = JSON.readTree(converse("Classify the document. Answer with JSON only.\n"
                    + "<task>classify</task>\n<classes>\n" + CLASSES + "\n</classes>\n<document>\n" + text + "\n</document>\n"))
                    .path("documentClass").asText("other");
            classified = System.currentTimeMillis();
            JsonNode fields = JSON.readTree(converse("Extract the fields of this " + documentClass + ". Answer with JSON only.\n"
                    + "<task>extract</task>\n<class>" + documentClass + "</class>\n<schema>\n" + schema(documentClass)
                    + "\n</schema>\n<document>\n" + text + "\n</document>\n"));
            long done = System.currentTimeMillis();
            return new Answer(documentClass, fields, calls, throttled, inputTokens, outputTokens, extracted - started,
                    classified - extracted, done - classified);
        } catch (Exception | OutOfMemoryError e) {
            throw new NaiveFailure(e, new Answer(documentClass, null, calls, throttled, inputTokens, outputTokens,
                    extracted - started, classified - extracted, 0));
        }
    }

    /** One model call; throttled: wait the fixed delay and send it again. */
    private String converse(String prompt) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            calls++;
            try {
                ConverseResponse response = bedrock.converse(b -> b.modelId(model)
                        .messages(m -> m.role(ConversationRole.USER).content(ContentBlock.fromText(prompt)))
                        .inferenceConfig(c -> c.maxTokens(1024).temperature(0f)));
                if (response.usage() != null) {
                    inputTokens += response.usage().inputTokens();
                    outputTokens += response.usage().outputTokens();
                }
                return response.output().message().content().get(0).text();
            } catch (ThrottlingException e) {
                throttled++;
                if (attempt >= maxRetries) {
                    throw e;
                }
                Thread.sleep(retryDelayMillis);
            }
        }
    }

    private static String schema(String documentClass) {
        InputStream found = NaivePipeline.class.getResourceAsStream("/document-classes/" + documentClass + ".schema.json");
        try (InputStream in = found != null ? found : NaivePipeline.class.getResourceAsStream("/document-classes/other.schema.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
