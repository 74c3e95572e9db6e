package io.docflow.evaluation.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.docflow.client.DocflowClient;
import io.docflow.client.FinishedJob;
import io.docflow.client.JobFollower;
import io.docflow.evaluation.GroundTruth;
import io.docflow.evaluation.ObservedResult;

/** Runs every document of a set through one docflow over its HTTP API ({@link JobFollower}) and reads each outcome. */
final class ApiRun {

    private final JobFollower follower;
    private final Progress progress;

    ApiRun(DocflowClient client, int inFlight, Duration timeout, Progress progress) {
        this.follower = new JobFollower(client, inFlight, timeout);
        this.progress = progress;
    }

    Map<GroundTruth, ObservedResult> run(List<GroundTruth> truths) {
        Map<Path, GroundTruth> byFile = truths.stream().collect(Collectors.toMap(GroundTruth::document, Function.identity()));
        Map<GroundTruth, ObservedResult> observed = new LinkedHashMap<>();
        follower.run(truths.stream().map(GroundTruth::document).toList(), finished -> {
            ObservedResult result = finished.result() != null ? ObservedResult.fromResult(finished.result())
                    : ObservedResult.withoutResult(finished.status(), finished.reason(), finished.waitedMillis());
            GroundTruth truth = byFile.get(finished.file());
            observed.put(truth, result);
            progress.done(truth, result.status());
        });
        return observed;
    }
}
