package io.docflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LocalDocflowArgumentsTest {

    @Test
    void localSettingsBecomeCommandLineArgumentsAfterTheUsersOwn() {
        assertThat(LocalDocflow.arguments(List.of("docflow.ocr.enabled=false", "docflow.local.inbox=/in"), "--server.port=0"))
                .containsExactly("--server.port=0", "--docflow.ocr.enabled=false", "--docflow.local.inbox=/in");
    }

    @Test
    void aKeyTheUserSetsIsLeftToTheUser() {
        assertThat(LocalDocflow.arguments(List.of("docflow.ocr.enabled=false"), "--docflow.ocr.enabled=true"))
                .containsExactly("--docflow.ocr.enabled=true");
    }

    @Test
    void aKeyThatOnlySharesAPrefixIsNotTheSameKey() {
        assertThat(LocalDocflow.arguments(List.of("docflow.ocr.enabled=false"), "--docflow.ocr.enabled-extra=1"))
                .containsExactly("--docflow.ocr.enabled-extra=1", "--docflow.ocr.enabled=false");
    }
}
