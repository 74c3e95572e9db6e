package io.docflow.evaluation.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.docflow.client.DocflowClient;
import io.docflow.config.DocflowProperties;
import io.docflow.evaluation.ConfigurationScores;
import io.docflow.evaluation.DocumentEvaluation;
import io.docflow.evaluation.EvaluationReport;
import io.docflow.evaluation.FieldMatchers;
import io.docflow.evaluation.GroundTruth;
import io.docflow.evaluation.GroundTruthException;
import io.docflow.evaluation.GroundTruthReader;
import io.docflow.evaluation.ObservedResult;
import io.docflow.evaluation.ReleaseGates;
import io.docflow.evaluation.ReportHtml;
import io.docflow.evaluation.ReportJson;
import io.docflow.evaluation.set.EvaluationSet;

/**
 * The evaluate command (docs/evaluation.md): runs a labelled set through docflow (local docflows it starts, or
 * running ones over their HTTP API), scores every document against its truth, writes {@code report.json} and
 * {@code report.html}, prints the summary, and exits 1 when a {@code --min-*} gate is missed (2 for bad usage).
 */
public final class EvaluateCommand {

    static final int GATES_MISSED = 1;
    static final int USAGE = 2;

    private final EvaluateOptions options;
    private final PrintStream out;
    private final ObjectMapper mapper = new ObjectMapper();

    EvaluateCommand(EvaluateOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = new EvaluateCommand(EvaluateOptions.parse(args), System.out).run().exitStatus();
        } catch (IllegalArgumentException | GroundTruthException e) {
            System.err.println("evaluate: " + e.getMessage());
            status = USAGE;
        }
        System.exit(status);
    }

    /** What a run left: where its reports are and whether the gates passed. */
    record Outcome(Path reportJson, Path reportHtml, List<String> gateFailures) {

        int exitStatus() {
            return gateFailures.isEmpty() ? 0 : GATES_MISSED;
        }
    }

    Outcome run() {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        ReleaseGates gates = ReleaseGates.fromOptions(options.options());
        Map<String, JsonNode> schemas = options.get("classes") != null
                ? ClassSchemas.inFolder(mapper, Path.of(options.get("classes"))) : ClassSchemas.shipped(mapper);
        Path set = set();
        List<GroundTruth> truths = EvaluationSets.read(new GroundTruthReader(mapper, schemas), set);
        out.printf("docflow evaluate: %d documents from %s%n", truths.size(), set);
        Path outDir = options.out(stamp);
        List<ConfigurationScores> configurations = new ArrayList<>();
        Map<String, FieldMatchers> matchers = new HashMap<>();
        java.util.function.Function<String, FieldMatchers> matchersOf =
                c -> matchers.computeIfAbsent(c, name -> FieldMatchers.of(schemas.get(name)));
        if (options.deployed()) {
            configurations.add(score(options.labelA(), truths, matchersOf, apiRun(new DocflowClient(URI.create(options.get("api")),
                    options.get("token")), options.labelA(), truths)));
            if (options.ab()) {
                configurations.add(score(options.labelB(), truths, matchersOf, apiRun(new DocflowClient(URI.create(options.get("b-api")),
                        options.get("b-token")), options.labelB(), truths)));
            }
        } else {
            try (LocalDocflows local = new LocalDocflows(outDir.resolve("logs"))) {
                configurations.add(score(options.labelA(), truths, matchersOf, localRun(local, "a", options.settingsA(), options.labelA(), truths)));
                if (options.ab()) {
                    configurations.add(score(options.labelB(), truths, matchersOf, localRun(local, "b", options.settingsB(), options.labelB(), truths)));
                }
                if (options.baseline()) {
                    DocflowProperties docflow = DocflowDefaults.bind(options.settingsA());
                    String model = docflow.models().classification();
                    configurations.add(score("naive baseline", truths, matchersOf, new NaiveRun(local.aws().bedrockEndpoint(),
                            model, docflow.models().prices().get(model), new Progress(out, "naive baseline", truths.size())).run(truths)));
                }
            }
        }
        EvaluationReport report = new EvaluationReport(set.getFileName().toString(), set, started,
                Duration.ofNanos(System.nanoTime() - startNanos).toMillis(), configurations, gates);
        Outcome outcome = write(report, outDir);
        new EvaluationSummary(out).print(report);
        out.printf("reports: %s and %s%n", outcome.reportJson(), outcome.reportHtml());
        outcome.gateFailures().forEach(f -> out.println("GATE MISSED: " + f));
        return outcome;
    }

    private Path set() {
        if (options.get("set") != null) {
            return Path.of(options.get("set")).toAbsolutePath().normalize();
        }
        Path dir = Path.of("target/evaluation/shipped-set").toAbsolutePath();
        out.printf("docflow evaluate: writing the shipped set (seed %d) to %s%n", options.seed(), dir);
        if (options.get("per-class") != null) {
            EvaluationSet.write(dir, options.seed(), Integer.parseInt(options.get("per-class")));
        } else {
            EvaluationSet.write(dir, options.seed());
        }
        return dir;
    }

    private Map<GroundTruth, ObservedResult> apiRun(DocflowClient api, String label, List<GroundTruth> truths) {
        out.printf("%s: %s%n", label, api.base());
        return new ApiRun(api, options.inFlight(), Duration.ofMinutes(options.timeoutMinutes()),
                new Progress(out, label, truths.size())).run(truths);
    }

    private Map<GroundTruth, ObservedResult> localRun(LocalDocflows local, String name, Map<String, String> settings,
                                                      String label, List<GroundTruth> truths) {
        out.printf("%s: starting a local docflow with %s%n", label, settings.isEmpty() ? "its defaults" : settings);
        DocflowClient api = local.start(name, settings);
        try {
            return apiRun(api, label, truths);
        } finally {
            local.stop(api);
        }
    }

    private static ConfigurationScores score(String label, List<GroundTruth> truths,
                                             java.util.function.Function<String, FieldMatchers> matchers,
                                             Map<GroundTruth, ObservedResult> observed) {
        List<DocumentEvaluation> documents = new ArrayList<>();
        for (GroundTruth truth : truths) {
            documents.add(DocumentEvaluation.of(truth, observed.get(truth), matchers));
        }
        return new ConfigurationScores(label, documents);
    }

    private Outcome write(EvaluationReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve("report.json");
            Path html = dir.resolve("report.html");
            mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), new ReportJson(mapper).of(report));
            Files.writeString(html, new ReportHtml().of(report), StandardCharsets.UTF_8);
            return new Outcome(json, html, report.gateFailures());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
