package io.docflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.ingest.SourceObject;
import io.docflow.ingest.StorageEventParser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class ParkedMessagesTest {

    private final ObjectMapper json = new ObjectMapper();

    private ParkedMessages parked(String initial, String max) {
        DocflowProperties properties = Binder.get(new MockEnvironment()
                        .withProperty("docflow.models.parking.initial-delay", initial)
                        .withProperty("docflow.models.parking.max-delay", max))
                .bindOrCreate("docflow", DocflowProperties.class);
        return new ParkedMessages(json, properties);
    }

    @Test
    void theDelayDoublesWithEveryParkingUpToTheConfiguredMaximum() {
        ParkedMessages messages = parked("30s", "5m");

        assertThat(messages.delaySeconds(1)).isEqualTo(30);
        assertThat(messages.delaySeconds(2)).isEqualTo(60);
        assertThat(messages.delaySeconds(4)).isEqualTo(240);
        assertThat(messages.delaySeconds(5)).isEqualTo(300);
        assertThat(messages.delaySeconds(60)).as("no overflow after many parkings").isEqualTo(300);
    }

    @Test
    void theDelayNeverExceedsWhatSqsAllows() {
        assertThat(parked("10m", "1h").delaySeconds(3)).isEqualTo(900);
    }

    @Test
    void theCountStartsAtOneAndSurvivesAnUnreadableAttribute() {
        ParkedMessages messages = parked("30s", "15m");

        assertThat(messages.nextCount(null)).isEqualTo(1);
        assertThat(messages.nextCount(" 2 ")).isEqualTo(3);
        assertThat(messages.nextCount(4)).isEqualTo(5);
        assertThat(messages.nextCount("two")).isEqualTo(1);
    }

    @Test
    void theParkedMessageIsAnS3EventTheIngestParserReadsBackToTheSameObject() throws Exception {
        SourceObject source = new SourceObject("in", "scans/März invoice+1.pdf", 42, "e-1", "v-7", null, "s3-notification");
        DocflowProperties defaults = Binder.get(new MockEnvironment()).bindOrCreate("docflow", DocflowProperties.class);

        String body = parked("30s", "15m").body(source);

        JsonNode record = json.readTree(body).get("Records").get(0);
        assertThat(record.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(new StorageEventParser(json, defaults).parse(body)).singleElement().satisfies(back -> {
            assertThat(back.sourceKey()).isEqualTo(source.sourceKey());
            assertThat(back.jobId()).isEqualTo(source.jobId());
        });
    }
}
