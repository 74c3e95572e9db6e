package io.docflow.evaluation.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.evaluation.set.EvaluationSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluate command end to end in local mode, as docs/evaluation.md runs it, on one document of every
 * shipped class: two local docflows (A with its defaults, B with text prompts) and the naive baseline, every
 * document scored, both reports written, and a missed gate turned into the command's exit status.
 */
class EvaluateCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void scoresTwoConfigurationsAndTheBaselineOnTheSameSet() throws Exception {
        Path set = folder.resolve("set");
        List<Path> documents = EvaluationSet.write(set, EvaluationSet.DEFAULT_SEED, 1);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        EvaluateCommand command = new EvaluateCommand(EvaluateOptions.parse("--set=" + set, "--out=" + folder.resolve("out"),
                "--b.docflow.models.output=text --b-label=text --min-fully-correct=1"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        EvaluateCommand.Outcome outcome = command.run();

        JsonNode report = JSON.readTree(outcome.reportJson().toFile());
        assertThat(report.path("documents").asInt()).isEqualTo(documents.size()).isEqualTo(9);
        assertThat(report.path("configurations").findValuesAsText("label")).containsExactly("docflow", "text", "naive baseline");
        for (JsonNode configuration : report.path("configurations")) {
            assertThat(configuration.path("perDocument")).hasSize(9);
            int ended = 0;
            for (var status : configuration.path("statuses").properties()) {
                assertThat(status.getKey()).isIn("COMPLETED", "NEEDS_REVIEW", "FAILED");
                ended += status.getValue().asInt();
            }
            assertThat(ended).as("every document of %s ended", configuration.path("label").asText()).isEqualTo(9);
        }
        JsonNode docflow = report.path("configurations").get(0);
        assertThat(docflow.path("classification").path("accuracy").asDouble()).isGreaterThan(0.5);
        JsonNode fields = docflow.path("fields").path("overall");
        int tp = fields.path("truePositives").asInt();
        int fp = fields.path("falsePositives").asInt();
        int fn = fields.path("falseNegatives").asInt();
        assertThat(tp).as("values the local model read right").isPositive();
        assertThat(fields.path("f1").asDouble()).isCloseTo(2.0 * tp / (2 * tp + fp + fn), within(0.0001));
        int perDocumentTp = 0;
        for (JsonNode document : docflow.path("perDocument")) {
            perDocumentTp += document.path("fields").path("truePositives").asInt();
        }
        assertThat(perDocumentTp).as("the documents' values add up to the whole").isEqualTo(tp);
        assertThat(docflow.path("cost").path("perDocument").path("usd").isNumber()).isTrue();
        assertThat(docflow.path("evidence").path("calibration").path("bins")).hasSize(10);
        assertThat(report.path("comparisons")).hasSize(2);
        JsonNode ab = report.path("comparisons").get(0);
        assertThat(ab.path("b").asText()).isEqualTo("text");
        assertThat(ab.path("pairedDocuments").asInt()).isEqualTo(9);
        assertThat(ab.path("deltas")).hasSize(15);
        assertThat(ab.path("tests").path("fieldF1").path("pValue").isNumber()).isTrue();
        assertThat(Files.readString(outcome.reportHtml())).contains("text against docflow", "naive baseline against docflow");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("class accuracy", "reports: ");

        double fullyCorrect = docflow.path("fullyCorrect").asDouble();
        assumeThat(fullyCorrect).as("the local model gets some document not fully right").isLessThan(1.0);
        assertThat(outcome.gateFailures()).singleElement().asString().startsWith("fully correct documents");
        assertThat(outcome.exitStatus()).isEqualTo(EvaluateCommand.GATES_MISSED);
        assertThat(report.path("gates").path("passed").asBoolean()).isFalse();
    }
}
