package io.docflow.extract.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One worker speaking the protocol, played by a shell script: READY, then a line per request. */
class ParserWorkerTest {

    private static final Duration START = Duration.ofSeconds(30);
    private static final WorkerRequest REQUEST = new ParseRequest("/tmp/document.pdf", "invoice.pdf", "/tmp/text.txt");

    @TempDir Path dir;
    private final List<ParserWorker> workers = new ArrayList<>();

    @AfterEach
    void close() {
        workers.forEach(ParserWorker::close);
    }

    private ParserWorker start(String script) throws Exception {
        ParserWorker worker = ParserWorker.start(List.of("sh", "-c", script), START, "test-worker");
        workers.add(worker);
        return worker;
    }

    private static ParserWorker.Death death(Throwable thrown) {
        return ((ParserWorker.WorkerDiedException) thrown).death();
    }

    @Test
    void aRequestIsSentAsOneJsonLineAndItsReplyRead() throws Exception {
        ParserWorker worker = start("echo READY; read request; echo \"$request\"; exec sleep 60");

        JsonNode echoed = worker.call(REQUEST, JsonNode.class, Duration.ofSeconds(30));

        assertThat(echoed.get("kind").asText()).isEqualTo("parse");
        assertThat(echoed.get("nameHint").asText()).isEqualTo("invoice.pdf");
        assertThat(echoed.get("textFile").asText()).isEqualTo("/tmp/text.txt");
        assertThat(worker.alive()).isTrue();
    }

    @Test
    void eachRequestGetsItsOwnReply() throws Exception {
        ParserWorker worker = start("echo READY; n=0; while read request; do n=$((n+1)); echo \"{\\\"n\\\": $n}\"; done");

        assertThat(worker.call(REQUEST, JsonNode.class, Duration.ofSeconds(30)).get("n").asInt()).isEqualTo(1);
        assertThat(worker.call(REQUEST, JsonNode.class, Duration.ofSeconds(30)).get("n").asInt()).isEqualTo(2);
    }

    @Test
    void linesThatAreNotRepliesArePassedOver() throws Exception {
        ParserWorker worker = start("echo READY; read request; echo 'Terminating due to java.lang.OutOfMemoryError';"
                + " echo ''; echo '{\"ok\": true}'; exec sleep 60");

        assertThat(worker.call(REQUEST, JsonNode.class, Duration.ofSeconds(30)).get("ok").asBoolean()).isTrue();
    }

    @Test
    void aWorkerThatSaysSomethingElseFirstDidNotStart() throws Exception {
        Path pid = dir.resolve("pid");

        assertThatThrownBy(() -> start("echo $$ > " + pid + "; echo 'Error: no main class'; exec sleep 60"))
                .isInstanceOf(IOException.class)
                .hasMessage("Parser worker test-worker did not start: it said 'Error: no main class' instead of READY");
        assertKilled(pid);
    }

    @Test
    void aWorkerThatEndsBeforeReadyDiedWithItsExitCode() {
        assertThatThrownBy(() -> start("exit 7"))
                .isInstanceOf(ParserWorker.WorkerDiedException.class)
                .satisfies(e -> assertThat(death(e)).isEqualTo(new ParserWorker.Exited(7)));
    }

    @Test
    void aWorkerNotReadyInTimeIsKilled() throws Exception {
        Path pid = dir.resolve("pid");

        assertThatThrownBy(() -> ParserWorker.start(List.of("sh", "-c", "echo $$ > " + pid + "; exec sleep 60"),
                Duration.ofMillis(1500), "slow"))
                .isInstanceOf(ParserWorker.WorkerDiedException.class)
                .satisfies(e -> assertThat(death(e)).isEqualTo(new ParserWorker.TimedOut(Duration.ofMillis(1500))));
        assertKilled(pid);
    }

    @Test
    void aWorkerThatDiesOnARequestThrowsWithItsExitCode() throws Exception {
        ParserWorker worker = start("echo READY; read request; echo 'last words'; exit 3");

        assertThatThrownBy(() -> worker.call(REQUEST, JsonNode.class, Duration.ofSeconds(30)))
                .isInstanceOf(ParserWorker.WorkerDiedException.class)
                .hasMessage("Exited[exitCode=3]")
                .satisfies(e -> assertThat(((ParserWorker.Exited) death(e)).outOfMemory()).isTrue());
        assertThat(worker.alive()).isFalse();
    }

    @Test
    void aWorkerAlreadyDeadFailsTheNextRequest() throws Exception {
        ParserWorker worker = start("echo READY; exit 5");
        await().atMost(Duration.ofSeconds(10)).until(() -> !worker.alive());

        assertThatThrownBy(() -> worker.call(REQUEST, JsonNode.class, Duration.ofSeconds(30)))
                .isInstanceOf(ParserWorker.WorkerDiedException.class)
                .satisfies(e -> assertThat(death(e)).isEqualTo(new ParserWorker.Exited(5)));
    }

    @Test
    void aRequestWithoutAReplyInTimeKillsTheWorker() throws Exception {
        ParserWorker worker = start("echo READY; read request; exec sleep 60");

        assertThatThrownBy(() -> worker.call(REQUEST, JsonNode.class, Duration.ofMillis(500)))
                .isInstanceOf(ParserWorker.WorkerDiedException.class)
                .satisfies(e -> assertThat(death(e)).isEqualTo(new ParserWorker.TimedOut(Duration.ofMillis(500))));
        assertThat(worker.alive()).isFalse();
    }

    @Test
    void theTimeoutHoldsForTheWholeRequestNotEachLine() throws Exception {
        ParserWorker worker = start("echo READY; read request; while true; do echo busy; sleep 0.1; done");
        long before = System.nanoTime();

        assertThatThrownBy(() -> worker.call(REQUEST, JsonNode.class, Duration.ofSeconds(1)))
                .satisfies(e -> assertThat(death(e)).isEqualTo(new ParserWorker.TimedOut(Duration.ofSeconds(1))));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
        assertThat(worker.alive()).isFalse();
    }

    @Test
    void exitCodeThreeIsHotSpotsOutOfMemoryExitAndOthersAreNot() {
        assertThat(new ParserWorker.Exited(ParserWorker.Exited.OUT_OF_MEMORY).outOfMemory()).isTrue();
        assertThat(new ParserWorker.Exited(134).outOfMemory()).isFalse();
    }

    private static void assertKilled(Path pidFile) throws IOException {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true));
    }
}
