package io.docflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class StartupFailureAnalyzerTest {

    private final StartupFailureAnalyzer analyzer = new StartupFailureAnalyzer();

    private static DocflowStartupException missingBucket() {
        return new DocflowStartupException("docflow.buckets.input", "S3 bucket 'x' does not exist",
                "Create S3 bucket 'x', or set docflow.buckets.input to one that exists.", new RuntimeException("404"));
    }

    @Test
    void aFailedResourceCheckIsReportedAsSettingProblemAndAction() {
        FailureAnalysis analysis = analyzer.analyze(missingBucket());

        assertThat(analysis.getDescription()).isEqualTo("docflow.buckets.input: S3 bucket 'x' does not exist");
        assertThat(analysis.getAction()).isEqualTo("Create S3 bucket 'x', or set docflow.buckets.input to one that exists.");
        assertThat(analysis.getCause()).isNull();
    }

    @Test
    void theCheckIsFoundInsideTheExceptionsSpringWrapsItIn() {
        RuntimeException wrapped = new IllegalStateException("Failed to start bean",
                new RuntimeException("Error creating bean 'awsResourceVerifier'", missingBucket()));

        assertThat(analyzer.analyze(wrapped).getDescription()).startsWith("docflow.buckets.input: ");
    }

    @Test
    void otherFailuresAreLeftToSpringBootsAnalyzers() {
        assertThat(analyzer.analyze(new IllegalStateException("something else"))).isNull();
    }

    @Test
    void springBootFindsTheAnalyzer() throws IOException {
        Properties factories = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring.factories")) {
            assertThat(in).as("META-INF/spring.factories").isNotNull();
            factories.load(in);
        }

        assertThat(factories.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer"))
                .contains(StartupFailureAnalyzer.class.getName());
    }
}
