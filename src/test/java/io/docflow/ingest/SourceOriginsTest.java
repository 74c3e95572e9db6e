package io.docflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceOriginsTest {

    private final SourceOrigins origins = new SourceOrigins("legacy/");

    @Test
    void anObjectUnderTheUploadPrefixCameOverHttpWhicheverChannelAnnouncedIt() {
        assertThat(origins.of("uploads/2026-12-03/6f1c/invoice.pdf", "s3-notification")).isEqualTo("http");
        assertThat(origins.of("uploads/2026-12-03/6f1c/invoice.pdf", "eventbridge")).isEqualTo("http");
    }

    @Test
    void anObjectUnderTheLegacyPrefixCameFromTheLegacyBridge() {
        assertThat(origins.of("legacy/corr-1/scan.tif", "eventbridge")).isEqualTo("legacy-soap");
    }

    @Test
    void anyOtherObjectIsKnownByTheChannelThatAnnouncedIt() {
        assertThat(origins.of("incoming/uploads/invoice.pdf", "s3-notification")).isEqualTo("s3-notification");
        assertThat(origins.of("uploadsX/invoice.pdf", "eventbridge")).isEqualTo("eventbridge");
    }
}
