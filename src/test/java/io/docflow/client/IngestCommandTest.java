package io.docflow.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.local.ApiTokens;
import io.docflow.local.DocflowTest;
import io.docflow.pipeline.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bulk ingest against a running docflow over HTTP: a folder with a good invoice, a corrupt PDF and an empty file,
 * one level deep; every file gets a row, a line in the results, and the command exits 1 because two failed.
 */
@DocflowTest
class IngestCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @TempDir
    Path folder;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    /** A submitter of its own: uploads are rate-limited per caller. */
    private static String token() {
        return ApiTokens.token("submitter", "ingest-command-test");
    }

    private int ingest(String... args) {
        return new IngestCommand(new PrintStream(printed, true, StandardCharsets.UTF_8),
                new PrintStream(progress, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void everyFileGetsAnOutcomeAndFailuresSetTheExitStatus() throws Exception {
        Files.write(folder.resolve("invoice.pdf"), Fixtures.pdfOf(Fixtures.invoiceText("INV-3001", "1,100.00")));
        Files.createDirectories(folder.resolve("more"));
        Files.write(folder.resolve("more/broken.pdf"), "%PDF-1.7 this is not a PDF".getBytes(StandardCharsets.US_ASCII));
        Files.write(folder.resolve("more/empty.pdf"), new byte[0]);
        Files.writeString(folder.resolve(".DS_Store"), "not a document");
        Path results = folder.resolve("out/results.jsonl");

        int status = ingest(folder.toString(), "--api=http://127.0.0.1:" + port, "--token=" + token(), "--out=" + results,
                "--in-flight=2");

        assertThat(status).isEqualTo(IngestCommand.SOME_FAILED);
        List<String> lines = Files.readAllLines(results);
        assertThat(lines).hasSize(3);
        JsonNode invoice = JSON.readTree(lines.get(0));
        assertThat(invoice.path("file").asText()).isEqualTo("invoice.pdf");
        assertThat(invoice.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(invoice.path("documentClass").asText()).isEqualTo("invoice");
        assertThat(invoice.path("fields").path("invoiceNumber").asText()).isEqualTo("INV-3001");
        JsonNode broken = JSON.readTree(lines.get(1));
        assertThat(broken.path("file").asText()).isEqualTo("more/broken.pdf");
        assertThat(broken.path("status").asText()).isEqualTo("FAILED");
        assertThat(broken.path("reason").asText()).isNotBlank();
        JsonNode empty = JSON.readTree(lines.get(2));
        assertThat(empty.path("status").asText()).isEqualTo(FinishedJob.NOT_SUBMITTED);
        assertThat(empty.path("reason").asText()).contains("empty");

        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("FILE", "STATUS", "CLASS", "REASON");
        assertThat(table).containsPattern("invoice\\.pdf\\s+COMPLETED\\s+invoice");
        assertThat(table).containsPattern("more/broken\\.pdf\\s+FAILED");
        assertThat(table).contains("2 file(s) did not get a result");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("] 3/3");
    }

    @Test
    void csvHasAHeaderAndOneRowPerFile() throws Exception {
        Files.write(folder.resolve("a.pdf"), Fixtures.pdfOf(Fixtures.invoiceText("INV-3002", "1,100.00")));
        Path results = folder.resolve("results.csv");

        int status = ingest(folder.toString(), "--api=http://127.0.0.1:" + port, "--token=" + token(), "--out=" + results);

        assertThat(status).isZero();
        List<String> rows = Files.readAllLines(results);
        assertThat(rows.get(0)).isEqualTo("file,jobId,status,reason,documentClass,confidence,needsReview,fields");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).startsWith("a.pdf,").contains(",COMPLETED,,invoice,").contains("\"\"invoiceNumber\"\":\"\"INV-3002\"\"");
    }

    @Test
    void withoutATokenTheApiRefusesEveryUpload() throws Exception {
        Files.write(folder.resolve("a.pdf"), Fixtures.pdfOf(Fixtures.invoiceText("INV-3003", "1,100.00")));
        Path results = folder.resolve("results.jsonl");

        int status = ingest(folder.toString(), "--api=http://127.0.0.1:" + port, "--token=", "--out=" + results);

        assertThat(status).isEqualTo(IngestCommand.SOME_FAILED);
        JsonNode line = JSON.readTree(Files.readAllLines(results).get(0));
        assertThat(line.path("status").asText()).isEqualTo(FinishedJob.NOT_SUBMITTED);
        assertThat(line.path("reason").asText()).contains("401");
    }

    @Test
    void theTokenIsTheOptionThenTheEnvironmentThenLocalModesAdminToken(@TempDir Path target) throws Exception {
        Path info = target.resolve("docflow-local.json");
        URI local = URI.create("http://127.0.0.1:8080");
        assertThat(IngestCommand.token(null, null, local, info)).as("no local mode").isNull();
        Files.writeString(info, "{\"docflow\": \"http://127.0.0.1:8080\", \"tokens\": {\"viewer\": \"v.v.v\", \"admin\": \"a.b.c\"}}");

        assertThat(IngestCommand.token(null, null, local, info)).isEqualTo("a.b.c");
        assertThat(IngestCommand.token(null, null, URI.create("http://127.0.0.1:8080/"), info)).isEqualTo("a.b.c");
        assertThat(IngestCommand.token(null, "from.the.env", local, info)).isEqualTo("from.the.env");
        assertThat(IngestCommand.token("from.the.option", "from.the.env", local, info)).isEqualTo("from.the.option");
        assertThat(IngestCommand.token(null, null, URI.create("https://docflow.example.com"), info))
                .as("local mode's token goes to local mode only").isNull();
    }

    @Test
    void refusesAFolderThatIsNotThereAndUnknownOptions() {
        assertThatThrownBy(() -> ingest(folder.resolve("missing").toString())).hasMessageContaining("is not a folder");
        assertThatThrownBy(() -> ingest(folder.toString(), "--tokn=x")).hasMessageContaining("Unknown option(s) [tokn]");
        assertThatThrownBy(() -> ingest(folder.toString(), "--out=r.txt")).hasMessageContaining("--out must end in .jsonl or .csv");
    }
}
