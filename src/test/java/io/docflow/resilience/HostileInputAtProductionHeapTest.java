package io.docflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.docflow.config.DocflowProperties;
import io.docflow.deploy.DeploymentJvm;
import io.docflow.local.LocalAws;
import io.docflow.local.LocalAwsInitializer;
import io.docflow.local.LocalClients;
import io.docflow.local.LocalProvisioner;
import io.docflow.local.TestDocuments;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Hostile documents (decompression bombs, deep nesting, a huge page count, a huge image, one enormous line) against
 * docflow with the production pod's heap: each ends with its own final status and reason, the process survives all
 * of them (same pid, never an OutOfMemoryError in its output) and still completes an ordinary invoice afterwards.
 * <p>
 * docflow runs as a child JVM (see {@link DocflowChild}) with the memory settings of the Deployment in k8s/base
 * ({@link DeploymentJvm}: a 2Gi limit and -XX:MaxRAMPercentage=40, i.e. an 819 MiB heap, the parser workers' heaps beside it, and
 * -XX:+ExitOnOutOfMemoryError, so an OutOfMemoryError ends the process as it ends the pod), against the test JVM's
 * local AWS services, on a bucket and queue of its own. Its output is in {@code target/hostile-heap.log}; a table of
 * what happened to each input is printed and written to {@code target/hostile-heap-outcomes.txt}.
 * <p>
 * {@code -Ddocflow.hostile.only=docx-bomb,huge-png} runs only the named inputs (each name is in {@link #inputs}):
 * with a single input the outcome is that input's alone, not that of whatever else ran beside it.
 */
class HostileInputAtProductionHeapTest {

    /**
     * docflow.extract.parse-timeout for the child: 120 s in production, 20 s here so a parse that never ends costs
     * less; {@code -Ddocflow.hostile.parse-timeout=120s} runs with production's (and waits that much longer).
     */
    private static final Duration PARSE_TIMEOUT = Duration.parse("PT" + System.getProperty("docflow.hostile.parse-timeout", "20s"));
    /** How long the hostile documents get, all together, to reach a final status. */
    private static final Duration HOSTILE_DEADLINE = Duration.ofSeconds(130).plus(PARSE_TIMEOUT);
    private static final Duration INVOICE_DEADLINE = Duration.ofSeconds(60);
    /** docflow.extract.max-characters at its default, as in production. */
    private static final int MAX_CHARACTERS = 2_000_000;
    private static final Pattern STARTED_WITH_PID = Pattern.compile("Starting DocflowApplication .*?with PID (\\d+)");
    private static final Set<String> FINAL = Set.of("COMPLETED", "NEEDS_REVIEW", "FAILED");

    private final LocalAws aws = LocalAwsInitializer.sharedServices();
    private DocflowChild child;

    @TempDir Path dir;

    @AfterEach
    void stopChild() {
        if (child != null) {
            child.close();
        }
    }

    /** A hostile input and what must become of it; a null status: any final status will do. */
    private record Input(String name, String key, Path file, String status, Set<String> reasons, String why) {

        String expected() {
            return status == null ? "any final status" : status + " " + String.join(" or ", reasons);
        }
    }

    /** What happened to an input: its job item when it was last read, and whether it was final then. */
    private record Outcome(Input input, String jobId, Map<String, AttributeValue> item) {

        String status() {
            return text("status");
        }

        String reason() {
            return text("reason");
        }

        boolean isFinal() {
            return status() != null && FINAL.contains(status()) && item.containsKey("announced");
        }

        /** From the claim (processingStartedAt of the last attempt) to finishedAt; -1 when not finished. */
        long processingMillis() {
            if (text("processingStartedAt") == null || text("finishedAt") == null) {
                return -1;
            }
            return Duration.between(Instant.parse(text("processingStartedAt")), Instant.parse(text("finishedAt"))).toMillis();
        }

        String text(String attribute) {
            return item == null || !item.containsKey(attribute) ? null : item.get(attribute).s();
        }

        /** The extract-text stage's time (download, parse, OCR); -1 when not recorded. */
        long extractMillis() {
            AttributeValue stages = item == null ? null : item.get("stageMillis");
            return stages == null || !stages.m().containsKey("extract-text") ? -1 : Long.parseLong(stages.m().get("extract-text").n());
        }

        String describe() {
            if (item == null) {
                return "no job yet";
            }
            String error = text("error");
            return (status() + (reason() == null ? "" : " " + reason()))
                    + (isFinal() ? " in " + processingMillis() + " ms (extract-text " + extractMillis() + " ms)" : " (not final)")
                    + (error == null ? "" : " - " + (error.length() > 300 ? error.substring(0, 300) + "..." : error));
        }
    }

    private List<Input> inputs() throws IOException {
        long gib = HostileDocuments.GIB;
        List<Input> all = List.of(
                new Input("docx-bomb", "hostile/bomb.docx", HostileDocuments.docxBomb(dir.resolve("bomb.docx"), gib),
                        "FAILED", Set.of("TOO_LARGE_EXPANDED"), "word/document.xml expands ~1000x to 1 GiB"),
                new Input("xlsx-bomb", "hostile/bomb.xlsx", HostileDocuments.xlsxBomb(dir.resolve("bomb.xlsx"), gib),
                        "FAILED", Set.of("TOO_LARGE_EXPANDED"), "xl/sharedStrings.xml expands to 1 GiB, read whole"),
                new Input("odt-bomb", "hostile/bomb.odt", HostileDocuments.odtBomb(dir.resolve("bomb.odt"), gib),
                        "FAILED", Set.of("TOO_LARGE_EXPANDED"), "content.xml expands to 1 GiB"),
                // TOO_LARGE_EXPANDED, not TOO_DEEPLY_NESTED: 5 levels is shallow (Tika itself allows 10 levels of
                // package entries) and each level is small; what is hostile is the total, 16^5 leaves of 64 MiB each
                // (64 TiB), and the first leaf alone expands 64 MiB out of ~64 KB
                new Input("nested-zip", "hostile/nested.zip",
                        HostileDocuments.nestedZipBomb(dir.resolve("nested.zip"), 5, 16, 64L << 20),
                        "FAILED", Set.of("TOO_LARGE_EXPANDED"), "5 levels of 16 zips, 64 MiB text leaves"),
                new Input("many-pages-pdf", "hostile/pages.pdf",
                        HostileDocuments.manyPagesPdf(dir.resolve("pages.pdf"), 100_000),
                        "FAILED", Set.of("TOO_MANY_PAGES"), "100,000 blank pages, one page object"),
                new Input("billion-laughs", "hostile/laughs.xml", HostileDocuments.billionLaughs(dir.resolve("laughs.xml")),
                        "FAILED", Set.of("TOO_LARGE_EXPANDED"), "entities expanding to 3 GB of lol"),
                new Input("nested-html", "hostile/nested.html",
                        HostileDocuments.deeplyNestedHtml(dir.resolve("nested.html"), 100_000),
                        // harmless once parsed: Tika's HTML parser (TagSoup) streams the elements without a tree,
                        // so the depth costs nothing and the text is read; the model calls it "other"
                        "COMPLETED", Set.of(), "100,000 nested divs"),
                new Input("nested-json", "hostile/nested.json",
                        HostileDocuments.deeplyNestedJson(dir.resolve("nested.json"), 100_000),
                        // harmless: Tika has no JSON parser and reads the bytes as plain text, without nesting
                        "COMPLETED", Set.of(), "100,000 nested arrays"),
                new Input("single-line", "hostile/line.txt", HostileDocuments.singleLineText(dir.resolve("line.txt"), 20L << 20),
                        "COMPLETED", Set.of(), "20 MB of text without a line break, truncated at max-characters"),
                new Input("huge-png", "hostile/huge.png", HostileDocuments.hugePng(dir.resolve("huge.png"), 30_000, 30_000),
                        "FAILED", Set.of("IMAGE_TOO_LARGE"), "30000 x 30000 pixels (900 MB decoded)"));
        String only = System.getProperty("docflow.hostile.only", "").trim();
        if (only.isEmpty()) {
            return all;
        }
        List<String> names = Arrays.stream(only.split(",")).map(String::trim).toList();
        return all.stream().filter(i -> names.contains(i.name())).toList();
    }

    @Test
    void eachHostileInputEndsWithItsOwnReasonAndTheProcessSurvivesThemAll() throws Exception {
        Map<String, String> settings = settings();
        DocflowProperties config = new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("docflow", DocflowProperties.class);
        List<String> jvmOptions = DeploymentJvm.childJvmOptions();
        Path log = Path.of("target/hostile-heap.log");
        List<Input> inputs = inputs();
        assertThat(inputs).as("inputs named by docflow.hostile.only").isNotEmpty();

        try (LocalClients clients = new LocalClients(aws)) {
            new LocalProvisioner(aws, clients).provision(config);
            TestDocuments documents = new TestDocuments(config, clients.s3(), clients.dynamoDb());
            child = DocflowChild.start(aws, jvmOptions, settings, log);
            long pid = child.pid();

            Map<Input, String> jobIds = new LinkedHashMap<>();
            for (Input input : inputs) {
                String eTag = clients.s3().putObject(b -> b.bucket(config.buckets().input()).key(input.key()),
                        RequestBody.fromFile(input.file())).eTag();
                jobIds.put(input, new io.docflow.ingest.SourceObject(config.buckets().input(), input.key(),
                        Files.size(input.file()), eTag, null, null, "t").jobId());
            }
            Map<Input, Outcome> outcomes = awaitOutcomes(documents, jobIds, HOSTILE_DEADLINE);
            boolean aliveAfterHostile = child.isAlive();

            String invoiceKey = "hostile/after-the-storm.txt";
            Outcome invoice = null;
            if (aliveAfterHostile) {
                Input invoiceInput = new Input("invoice", invoiceKey, null, "COMPLETED", Set.of(), "an ordinary invoice");
                String invoiceJob = documents.put(invoiceKey,
                        "ACME Supplies Ltd\nINVOICE\nInvoice Number: AFTER-1\nInvoice Date: 2026-03-01\nTotal: $42.00\n".getBytes());
                invoice = awaitOutcomes(documents, Map.of(invoiceInput, invoiceJob), INVOICE_DEADLINE).get(invoiceInput);
            }
            String output = child.output();
            String table = table(outcomes, invoice, jvmOptions, output);
            System.out.println(table);
            Files.writeString(Path.of("target/hostile-heap-outcomes.txt"), table);

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(child.isAlive()).as("docflow (pid %d) still running after the hostile inputs (exit code %s);"
                    + " its output %s ends:\n%s", pid, child.exitCode(), log, child.outputTail(30)).isTrue();
            List<String> outOfMemory = output.lines().filter(l -> l.contains("OutOfMemoryError")).limit(5).toList();
            soft.assertThat(outOfMemory).as("lines of docflow's output (%s) that mention an OutOfMemoryError", log).isEmpty();
            List<String> pids = new ArrayList<>();
            Matcher started = STARTED_WITH_PID.matcher(output);
            while (started.find()) {
                pids.add(started.group(1));
            }
            soft.assertThat(pids).as("docflow started once, as pid %d, and never again", pid).containsExactly(Long.toString(pid));
            for (Outcome outcome : outcomes.values()) {
                Input input = outcome.input();
                soft.assertThat(outcome.isFinal()).as("%s (%s) reached a final status within %s; it is %s",
                        input.name(), input.why(), HOSTILE_DEADLINE, outcome.describe()).isTrue();
                if (input.status() != null) {
                    soft.assertThat(outcome.status()).as("%s: status, expected %s; was %s", input.name(), input.expected(),
                            outcome.describe()).isEqualTo(input.status());
                }
                if (!input.reasons().isEmpty()) {
                    soft.assertThat(outcome.reason()).as("%s: reason, expected %s; was %s", input.name(), input.expected(),
                            outcome.describe()).isIn(input.reasons());
                }
            }
            outcomes.values().stream().filter(o -> o.input().name().equals("single-line") && "COMPLETED".equals(o.status()))
                    .findFirst().ifPresent(line -> {
                        JsonNode document = documents.result(line.jobId()).path("document");
                        soft.assertThat(document.path("truncated").asBoolean()).as("single-line: the result says truncated: %s", document).isTrue();
                        soft.assertThat(document.path("characters").asInt()).as("single-line: characters").isEqualTo(MAX_CHARACTERS);
                        // the parse of one enormous line, not the model calls for the chunks of its 2,000,000 characters
                        soft.assertThat(line.extractMillis()).as("single-line: text extracted in well under 10 s (ms), stages %s",
                                line.item().get("stageMillis")).isBetween(0L, 10_000L);
                    });
            soft.assertThat(invoice).as("an invoice put after the hostile inputs was processed").isNotNull();
            if (invoice != null) {
                soft.assertThat(invoice.status()).as("the invoice put after the hostile inputs: %s", invoice.describe()).isEqualTo("COMPLETED");
            }
            soft.assertAll();
        }
    }

    /**
     * Waits until the jobs are all final or the child has died, at most {@code deadline}; answers the items last read
     * either way, so the table reports what did not finish.
     */
    private Map<Input, Outcome> awaitOutcomes(TestDocuments documents, Map<Input, String> jobIds, Duration deadline) {
        Map<Input, Outcome> outcomes = new LinkedHashMap<>();
        try {
            org.awaitility.Awaitility.await().atMost(deadline).pollInterval(Duration.ofMillis(500)).until(() -> {
                jobIds.forEach((input, jobId) -> outcomes.put(input, new Outcome(input, jobId, documents.item(jobId))));
                return !child.isAlive() || outcomes.values().stream().allMatch(Outcome::isFinal);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported per input by the caller, from the outcomes last read
        }
        return outcomes;
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("docflow.buckets.input", "heap-input");
        settings.put("docflow.queues.ingest", "heap-ingest");
        settings.put("docflow.queues.ingest-dlq", "heap-ingest-dlq");
        settings.put("docflow.queues.legacy-requests", "heap-legacy-requests");
        settings.put("docflow.queues.legacy-responses", "heap-legacy-responses");
        settings.put("docflow.events.topic", "heap-document-events");
        settings.put("docflow.models.fallback", "");
        settings.put("docflow.extract.parse-timeout", PARSE_TIMEOUT.toSeconds() + "s");
        return settings;
    }

    private static String table(Map<Input, Outcome> outcomes, Outcome invoice, List<String> jvmOptions, String output) {
        StringBuilder table = new StringBuilder("Hostile inputs against docflow with " + String.join(" ", jvmOptions)
                + " (heap " + DeploymentJvm.maxHeapBytes() / (1 << 20) + " MiB)\n");
        List<Outcome> rows = new ArrayList<>(outcomes.values());
        if (invoice != null) {
            rows.add(invoice);
        }
        for (Outcome outcome : rows) {
            Input input = outcome.input();
            table.append(String.format("  %-15s expected %-32s got %s%n", input.name(), input.expected(), outcome.describe()));
        }
        if (invoice == null) {
            table.append("  invoice         not put: docflow had ended\n");
        }
        output.lines().filter(l -> l.contains("OutOfMemoryError") || l.contains("Terminating due to"))
                .limit(5).forEach(l -> table.append("  output: ").append(l).append('\n'));
        return table.toString();
    }
}
