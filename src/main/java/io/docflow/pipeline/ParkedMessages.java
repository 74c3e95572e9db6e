package io.docflow.pipeline;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.config.DocflowProperties;
import io.docflow.ingest.SourceObject;
import org.springframework.stereotype.Component;

/**
 * A parked document goes back on the ingest queue as a delayed message of its own: an S3 event notification for
 * just its object, so any docflow pod handles it like the original announcement. The delay doubles with every
 * parking, up to {@code docflow.models.parking.max-delay} (SQS allows at most 15 minutes).
 */
@Component("parkedMessages")
public class ParkedMessages {

    public static final String PARK_COUNT = "docflowParkCount";
    private static final int SQS_MAX_DELAY_SECONDS = 900;

    private final ObjectMapper mapper;
    private final DocflowProperties.Parking parking;

    public ParkedMessages(ObjectMapper mapper, DocflowProperties properties) {
        this.mapper = mapper;
        this.parking = properties.models().parking();
    }

    public String body(SourceObject source) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode record = root.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("eventName", "ObjectCreated:Put");
        ObjectNode s3 = record.putObject("s3");
        s3.putObject("bucket").put("name", source.bucket());
        ObjectNode object = s3.putObject("object");
        object.put("key", URLEncoder.encode(source.key(), StandardCharsets.UTF_8));
        object.put("size", source.size());
        object.put("eTag", source.eTag());
        if (source.versionId() != null) {
            object.put("versionId", source.versionId());
        }
        return root.toString();
    }

    /** Seconds the message waits after its {@code parkings}-th parking (1 for the first). */
    public int delaySeconds(int parkings) {
        long seconds = parking.initialDelay().getSeconds() << Math.min(Math.max(parkings - 1, 0), 20);
        long capped = Math.min(seconds, Math.min(parking.maxDelay().getSeconds(), SQS_MAX_DELAY_SECONDS));
        return (int) Math.max(capped, 0);
    }

    public int nextCount(Object current) {
        if (current == null) {
            return 1;
        }
        try {
            return Integer.parseInt(current.toString().trim()) + 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

}
