package io.docflow.legacy;

import java.util.HashMap;
import java.util.Map;

import io.docflow.config.DocflowProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** docflow's configuration as Spring would bind it, with overrides, for unit tests of the legacy beans. */
final class LegacyConfig {

    private LegacyConfig() {
    }

    static DocflowProperties properties(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return new Binder(new MapConfigurationPropertySource(map)).bindOrCreate("docflow", DocflowProperties.class);
    }

    static SoapRequestReader reader(String... keyValues) {
        DocflowProperties properties = properties(keyValues);
        // the reader only asks whether a queue is allowed: no SQS calls
        return new SoapRequestReader(CONTRACT, new ReplyQueues(null, properties), properties);
    }

    static final LegacyContract CONTRACT = new LegacyContract();
}
