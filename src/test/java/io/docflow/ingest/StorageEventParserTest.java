package io.docflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class StorageEventParserTest {

    private final StorageEventParser parser = parser("", "");

    static StorageEventParser parser(String prefix, String suffix) {
        var source = new MapConfigurationPropertySource();
        source.put("docflow.ingest.prefix", prefix);
        source.put("docflow.ingest.suffix", suffix);
        DocflowProperties properties = new Binder(source).bindOrCreate("docflow", DocflowProperties.class);
        return new StorageEventParser(new ObjectMapper(), properties);
    }

    static String s3Notification(String eventName, String key, long size) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"%s",
                 "s3":{"bucket":{"name":"in"},"object":{"key":"%s","size":%d,"eTag":"abc123","sequencer":"0A"}}}]}
                """.formatted(eventName, key, size);
    }

    @Test
    void s3NotificationKeysAreFormDecoded() {
        var objects = parser.parse(s3Notification("ObjectCreated:Put", "scans/my+invoice+%C3%BC%2B1.pdf", 42));

        assertThat(objects).singleElement().satisfies(o -> {
            assertThat(o.bucket()).isEqualTo("in");
            assertThat(o.key()).isEqualTo("scans/my invoice ü+1.pdf");
            assertThat(o.size()).isEqualTo(42);
            assertThat(o.eTag()).isEqualTo("abc123");
            assertThat(o.sourceKey()).isEqualTo("s3://in/scans/my invoice ü+1.pdf#abc123");
            assertThat(o.via()).isEqualTo("s3-notification");
        });
    }

    @Test
    void eventBridgeObjectCreatedKeepsTheKeyAsIs() {
        var objects = parser.parse("""
                {"version":"0","id":"1","detail-type":"Object Created","source":"aws.s3","account":"000000000000",
                 "detail":{"bucket":{"name":"in"},"object":{"key":"a b+c.pdf","size":7,"etag":"e1",
                 "version-id":"v9","sequencer":"01"},"reason":"PutObject"}}
                """);

        assertThat(objects).singleElement().satisfies(o -> {
            assertThat(o.key()).isEqualTo("a b+c.pdf");
            assertThat(o.versionId()).isEqualTo("v9");
            assertThat(o.sourceKey()).isEqualTo("s3://in/a b+c.pdf#v9");
            assertThat(o.via()).isEqualTo("eventbridge");
        });
    }

    @Test
    void snsEnvelopeIsUnwrapped() {
        String inner = s3Notification("ObjectCreated:CompleteMultipartUpload", "x.pdf", 1);
        String sns = "{\"Type\":\"Notification\",\"MessageId\":\"m\",\"Message\":"
                + new ObjectMapper().valueToTree(inner) + "}";

        assertThat(parser.parse(sns)).extracting(SourceObject::key).containsExactly("x.pdf");
    }

    @Test
    void testEventsFolderMarkersAndOtherEventsYieldNothing() {
        assertThat(parser.parse("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"in\"}")).isEmpty();
        assertThat(parser.parse(s3Notification("ObjectCreated:Put", "folder/", 0))).isEmpty();
        assertThat(parser.parse(s3Notification("ObjectRemoved:Delete", "gone.pdf", 0))).isEmpty();
    }

    @Test
    void prefixAndSuffixFilterKeys() {
        StorageEventParser filtered = parser("incoming/", ".pdf");

        assertThat(filtered.parse(s3Notification("ObjectCreated:Put", "incoming/a.PDF", 3))).hasSize(1);
        assertThat(filtered.parse(s3Notification("ObjectCreated:Put", "incoming/a.txt", 3))).isEmpty();
        assertThat(filtered.parse(s3Notification("ObjectCreated:Put", "other/a.pdf", 3))).isEmpty();
    }

    @Test
    void garbageIsRejectedWithTheReason() {
        assertThatThrownBy(() -> parser.parse("not json"))
                .isInstanceOf(UnrecognizedEventException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parser.parse("{\"hello\":1}"))
                .isInstanceOf(UnrecognizedEventException.class).hasMessageContaining("top-level fields: hello");
        assertThatThrownBy(() -> parser.parse("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{}}]}"))
                .isInstanceOf(UnrecognizedEventException.class).hasMessageContaining("Records[].s3.bucket.name");
    }
}
