package io.docflow.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;

import io.docflow.config.DocflowProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import software.amazon.awssdk.services.textract.TextractClient;

class OcrConfigurationTest {

    private final OcrConfiguration configuration = new OcrConfiguration();

    @SuppressWarnings("unchecked")
    private final ObjectProvider<TextractClient> textract = mock(ObjectProvider.class);

    private OcrSettings settings(String... properties) {
        MockEnvironment environment = new MockEnvironment();
        for (String property : properties) {
            String[] pair = property.split("=", 2);
            environment.setProperty(pair[0], pair[1]);
        }
        return configuration.ocrSettings(Binder.get(environment).bindOrCreate("docflow", DocflowProperties.class));
    }

    @Test
    void withOcrOffNoEngineIsCheckedOrCalled() {
        OcrEngine engine = configuration.engine(settings("docflow.ocr.enabled=false", "docflow.ocr.engine=textract"), textract, false);

        assertThat(engine.name()).isEqualTo("none");
        assertThatThrownBy(() -> engine.read(Path.of("page.png"), 300, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("OCR is off (docflow.ocr.enabled=false)");
        verifyNoInteractions(textract);
    }

    @Test
    void textractIsChosenByName() {
        when(textract.getObject()).thenReturn(mock(TextractClient.class));

        OcrEngine engine = configuration.engine(settings("docflow.ocr.engine=textract"), textract, false);

        assertThat(engine).isInstanceOf(TextractEngine.class);
        assertThat(engine.name()).isEqualTo("textract");
    }

    @Test
    void thePoolHasTheConfiguredNumberOfNamedDaemonThreads() throws Exception {
        ExecutorService pool = configuration.ocrPool(settings("docflow.ocr.threads=3"));
        try {
            assertThat(((ThreadPoolExecutor) pool).getCorePoolSize()).isEqualTo(3);
            assertThat(((ThreadPoolExecutor) pool).getMaximumPoolSize()).isEqualTo(3);

            Future<Thread> thread = pool.submit(Thread::currentThread);

            assertThat(thread.get().getName()).isEqualTo("docflow-ocr-1");
            assertThat(thread.get().isDaemon()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
