package io.docflow.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static FinishedJob job(String status) {
        return new FinishedJob(Path.of("a.pdf"), "j", status, null, null, null, 0);
    }

    @Test
    void aTerminalSeesOneBarRedrawnInPlace() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), 3, true);

        bar.done(job("COMPLETED"));
        bar.done(job("FAILED"));

        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("\r[####################----------] 2/3  COMPLETED 1  FAILED 1");
    }

    @Test
    void aLogGetsALinePerTenthOfTheFiles() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), 20, false);
        for (int i = 0; i < 20; i++) {
            bar.done(job("COMPLETED"));
        }

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(10).last().asString().contains("20/20  COMPLETED 20");
    }

    @Test
    void csvQuotesWhatNeedsQuoting() {
        assertThat(IngestResults.quote("plain")).isEqualTo("plain");
        assertThat(IngestResults.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(IngestResults.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(IngestResults.quote("two\nlines")).isEqualTo("\"two\nlines\"");
    }
}
