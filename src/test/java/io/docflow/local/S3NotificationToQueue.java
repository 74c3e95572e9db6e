package io.docflow.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A bucket's S3 event notification configuration with an SQS destination: for each object created in the bucket
 * it sends the S3 event notification JSON (event version 2.1) to the queue, over SQS's real API.
 */
public final class S3NotificationToQueue implements Consumer<S3ObjectCreated> {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String bucket;
    private final String queueUrl;
    private final String configurationId;
    private final String region;
    private final SqsClient sqs;

    public S3NotificationToQueue(String bucket, String queueUrl, String configurationId, String region, SqsClient sqs) {
        this.bucket = bucket;
        this.queueUrl = queueUrl;
        this.configurationId = configurationId;
        this.region = region;
        this.sqs = sqs;
    }

    @Override
    public void accept(S3ObjectCreated event) {
        if (event.bucket().equals(bucket)) {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(notificationJson(event, configurationId, region)));
        }
    }

    /** The notification S3 sends for {@code event}: one record, the key URL-encoded with '+' for spaces. */
    public static String notificationJson(S3ObjectCreated event, String configurationId, String region) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode record = root.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", event.time().toString());
        record.put("eventName", "ObjectCreated:" + event.eventName());
        record.putObject("userIdentity").put("principalId", "AWS:LOCAL");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode response = record.putObject("responseElements");
        response.put("x-amz-request-id", UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase());
        response.put("x-amz-id-2", UUID.randomUUID().toString());
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        ObjectNode bucketNode = s3.putObject("bucket");
        bucketNode.put("name", event.bucket());
        bucketNode.putObject("ownerIdentity").put("principalId", "LOCAL");
        bucketNode.put("arn", "arn:aws:s3:::" + event.bucket());
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(event.key()));
        object.put("size", event.size());
        object.put("eTag", unquote(event.eTag()));
        if (event.versionId() != null) {
            object.put("versionId", event.versionId());
        }
        object.put("sequencer", event.sequencer());
        return root.toString();
    }

    /** S3 form-encodes each path segment of the key (space becomes '+') and keeps the slashes. */
    static String encodeKey(String key) {
        return Arrays.stream(key.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8))
                .collect(Collectors.joining("/"));
    }

    static String unquote(String eTag) {
        return eTag == null ? null : eTag.replace("\"", "");
    }
}
