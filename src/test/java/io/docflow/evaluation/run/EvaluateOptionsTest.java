package io.docflow.evaluation.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EvaluateOptionsTest {

    @Test
    void readsOptionsFromOneArgumentAsMavenPassesThem() {
        EvaluateOptions options = EvaluateOptions.parse("--set=my docs --b.docflow.models.output=text --min-field-f1=0.9");

        assertThat(options.get("set")).isEqualTo("my docs");
        assertThat(options.settingsB()).isEqualTo(Map.of("docflow.models.output", "text"));
        assertThat(options.ab()).isTrue();
        assertThat(options.baseline()).isTrue();
        assertThat(options.labelA()).isEqualTo("docflow");
        assertThat(options.labelB()).isEqualTo("models.output=text");
    }

    @Test
    void aDeployedDocflowHasNoBaselineUnlessAsked() {
        EvaluateOptions options = EvaluateOptions.parse("--api=https://docflow.example.com", "--token=t");

        assertThat(options.deployed()).isTrue();
        assertThat(options.ab()).isFalse();
        assertThat(options.baseline()).isFalse();
        assertThat(options.labelA()).isEqualTo("https://docflow.example.com");
    }

    @Test
    void refusesUnknownOptionsAndLocalSettingsForADeployedDocflow() {
        assertThatThrownBy(() -> EvaluateOptions.parse("--sets=x")).hasMessageContaining("Unknown option --sets");
        assertThatThrownBy(() -> EvaluateOptions.parse("set=x")).hasMessageContaining("Options are --name=value");
        assertThatThrownBy(() -> EvaluateOptions.parse("--api=http://x --b.docflow.models.output=text"))
                .hasMessageContaining("compare two deployments with --api and --b-api");
    }
}
