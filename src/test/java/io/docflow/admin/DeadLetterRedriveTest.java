package io.docflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.ingest.SourceObject;
import io.docflow.ingest.StorageEventParser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class DeadLetterRedriveTest {

    private static final DocflowProperties PROPERTIES = Binder.get(new MockEnvironment())
            .bindOrCreate("docflow", DocflowProperties.class);
    private final DeadLetterRedrive redrive = new DeadLetterRedrive(null, null,
            new StorageEventParser(new ObjectMapper(), PROPERTIES), PROPERTIES);

    @Test
    void aDeadLetteredStorageEventNamesTheJobsOfItsObjects() {
        String body = """
                {"Records":[
                 {"eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                  "s3":{"bucket":{"name":"in"},"object":{"key":"a.pdf","size":1,"eTag":"e1"}}},
                 {"eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                  "s3":{"bucket":{"name":"in"},"object":{"key":"b+c.pdf","size":1,"eTag":"e2"}}}]}
                """;

        assertThat(redrive.jobIds(body)).containsExactly(
                new SourceObject("in", "a.pdf", 1, "e1", null, null, "s3-notification").jobId(),
                new SourceObject("in", "b c.pdf", 1, "e2", null, null, "s3-notification").jobId());
    }

    @Test
    void aMessageThatIsNoStorageEventConcernsNoJob() {
        assertThat(redrive.jobIds("not json")).isEmpty();
        assertThat(redrive.jobIds("{\"hello\": \"world\"}")).isEmpty();
    }

    @Test
    void messagesAreReceivedTenAtATimeUpToTheMaximum() {
        assertThat(DeadLetterRedrive.nextBatch(100, 0)).isEqualTo(10);
        assertThat(DeadLetterRedrive.nextBatch(25, 20)).isEqualTo(5);
        assertThat(DeadLetterRedrive.nextBatch(1, 0)).isEqualTo(1);
    }
}
