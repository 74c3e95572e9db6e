package io.docflow.local.bedrock;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A setting per model id, where {@value #ALL_MODELS} stands for every model that has no setting of its own. */
final class PerModel<T> {

    static final String ALL_MODELS = "*";

    private final Map<String, T> settings = new ConcurrentHashMap<>();

    void set(String modelId, T value) {
        settings.put(modelId, value);
    }

    Optional<T> get(String modelId) {
        return Optional.ofNullable(settings.get(modelId)).or(() -> Optional.ofNullable(settings.get(ALL_MODELS)));
    }

    void remove(String modelId) {
        settings.remove(modelId);
    }

    void clear() {
        settings.clear();
    }
}
