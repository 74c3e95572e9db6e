package io.docflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsMetricNamesAndSkipsFunctionsLabelsAndKeywords() {
        assertThat(PromQl.metricNames("""
                histogram_quantile(0.95, sum by (le, model) (rate(docflow_model_latency_seconds_bucket{ns=~"$ns"}[10m]))) > 30
                and max(docflow_queue_messages{queue="ingest", state="visible"}) > 0
                unless on (pod) absent(up offset 5m) * 1e3"""))
                .containsExactlyInAnyOrder("docflow_model_latency_seconds_bucket", "docflow_queue_messages", "up");
        assertThat(PromQl.metricNames("label_values(docflow_queue_messages, namespace)"))
                .containsExactly("docflow_queue_messages");
    }
}
