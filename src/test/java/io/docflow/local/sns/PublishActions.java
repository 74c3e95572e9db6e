package io.docflow.local.sns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Publish and PublishBatch: checks each message as SNS does, answers, and hands it to the fan-out. */
final class PublishActions {

    private static final int MAX_MESSAGE_BYTES = 256 * 1024;
    private static final int MAX_BATCH_ENTRIES = 10;
    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7E][\\x20-\\x7E]{0,99}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnsRegistry registry;
    private final SqsFanOut fanOut;
    private final AtomicLong sequence = new AtomicLong(10_000_000_000_000_000L);

    PublishActions(SnsRegistry registry, SqsFanOut fanOut) {
        this.registry = registry;
        this.fanOut = fanOut;
    }

    void register(Map<String, SnsAction> actions) {
        actions.put("Publish", this::publish);
        actions.put("PublishBatch", this::publishBatch);
    }

    private String publish(QueryParams params, String requestId) {
        if (params.optional("PhoneNumber") != null) {
            throw SnsFault.invalidParameter("Invalid parameter: PhoneNumber Reason: the local SNS sends no SMS");
        }
        String arn = params.optional("TopicArn") != null ? params.optional("TopicArn") : params.optional("TargetArn");
        if (arn == null || arn.isEmpty()) {
            throw SnsFault.invalidParameter("Invalid parameter: TopicArn or TargetArn Reason: "
                    + "no value for required parameter");
        }
        PublishedMessage message = accept(registry.topic(arn), params);
        return SnsXml.response("Publish", requestId, xml -> xml
                .leaf("MessageId", message.messageId())
                .leaf("SequenceNumber", message.sequenceNumber()));
    }

    private String publishBatch(QueryParams params, String requestId) {
        Topic topic = registry.topic(params.required("TopicArn"));
        List<QueryParams> entries = params.members("PublishBatchRequestEntries");
        checkBatch(entries);
        List<String> successful = new ArrayList<>();
        List<PublishedMessage> published = new ArrayList<>();
        List<String> failedIds = new ArrayList<>();
        List<SnsFault> failures = new ArrayList<>();
        for (QueryParams entry : entries) {
            try {
                published.add(accept(topic, entry));
                successful.add(entry.optional("Id"));
            } catch (SnsFault fault) {
                failedIds.add(entry.optional("Id"));
                failures.add(fault);
            }
        }
        return SnsXml.response("PublishBatch", requestId, xml -> {
            xml.open("Successful");
            for (int i = 0; i < successful.size(); i++) {
                xml.open("member").leaf("Id", successful.get(i)).leaf("MessageId", published.get(i).messageId())
                        .leaf("SequenceNumber", published.get(i).sequenceNumber()).close("member");
            }
            xml.close("Successful").open("Failed");
            for (int i = 0; i < failedIds.size(); i++) {
                xml.open("member").leaf("Id", failedIds.get(i)).leaf("Code", failures.get(i).code())
                        .leaf("Message", failures.get(i).getMessage())
                        .leaf("SenderFault", Boolean.toString(failures.get(i).type().equals("Sender")))
                        .close("member");
            }
            xml.close("Failed");
        });
    }

    /** The checks on the batch as a whole, which fail the whole request rather than one entry. */
    private static void checkBatch(List<QueryParams> entries) {
        if (entries.isEmpty()) {
            throw SnsFault.badRequest("EmptyBatchRequest", "The batch request doesn't contain any entries.");
        }
        if (entries.size() > MAX_BATCH_ENTRIES) {
            throw SnsFault.badRequest("TooManyEntriesInBatchRequest",
                    "The batch request contains more entries than permissible.");
        }
        Set<String> ids = new HashSet<>();
        long bytes = 0;
        for (QueryParams entry : entries) {
            String id = entry.optional("Id");
            if (id == null || !BATCH_ENTRY_ID.matcher(id).matches()) {
                throw SnsFault.badRequest("InvalidBatchEntryId",
                        "The Id of a batch entry in a batch request doesn't abide by the specification.");
            }
            if (!ids.add(id)) {
                throw SnsFault.badRequest("BatchEntryIdsNotDistinct",
                        "Two or more batch entries in the request have the same Id.");
            }
            bytes += Objects.requireNonNullElse(entry.optional("Message"), "").getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_MESSAGE_BYTES) {
            throw SnsFault.badRequest("BatchRequestTooLong",
                    "The length of all the batch messages put together is more than the limit.");
        }
    }

    /** Checks one message, then delivers it unless it repeats a recent FIFO deduplication ID. */
    private PublishedMessage accept(Topic topic, QueryParams params) {
        PublishedMessage message = message(topic, params);
        if (!topic.fifo() || topic.firstWithin5Minutes(message.deduplicationId(), message.timestamp())) {
            fanOut.deliver(registry.subscriptions(topic.arn()).stream()
                    .map(subscription -> subscription.deliveryOf(message))
                    .filter(Objects::nonNull)
                    .toList());
        }
        return message;
    }

    private PublishedMessage message(Topic topic, QueryParams params) {
        String message = params.optional("Message");
        if (message == null) {
            throw SnsFault.invalidParameter("Invalid parameter: Message Reason: no value for required parameter");
        }
        if (message.isEmpty()) {
            throw SnsFault.invalidParameter("Invalid parameter: Empty message");
        }
        if (message.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw SnsFault.invalidParameter("Invalid parameter: Message too long");
        }
        String subject = params.optional("Subject");
        if (subject != null && !SUBJECT.matcher(subject).matches()) {
            throw SnsFault.invalidParameter("Invalid parameter: Subject");
        }
        String delivered = forSqs(message, params.optional("MessageStructure"));
        Map<String, MessageAttribute> attributes = MessageAttribute.from(params);
        String groupId = params.optional("MessageGroupId");
        if (!topic.fifo()) {
            return new PublishedMessage(UUID.randomUUID().toString(), topic.arn(), subject, delivered, attributes,
                    groupId, null, null, Instant.now());
        }
        if (groupId == null || groupId.isEmpty()) {
            throw SnsFault.invalidParameter("Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
        }
        String deduplicationId = params.optional("MessageDeduplicationId");
        if (deduplicationId == null) {
            if (!topic.contentBasedDeduplication()) {
                throw SnsFault.invalidParameter("Invalid parameter: The topic should either have ContentBasedDeduplication "
                        + "enabled or MessageDeduplicationId provided explicitly");
            }
            deduplicationId = sha256(message);
        }
        return new PublishedMessage(UUID.randomUUID().toString(), topic.arn(), subject, delivered, attributes, groupId,
                deduplicationId, String.format("%020d", sequence.incrementAndGet()), Instant.now());
    }

    /** With MessageStructure json, SQS subscribers get the message's {@code sqs} entry, else its {@code default} one. */
    private static String forSqs(String message, String structure) {
        if (structure == null || structure.isEmpty()) {
            return message;
        }
        if (!structure.equals("json")) {
            throw SnsFault.invalidParameter("Invalid parameter: MessageStructure");
        }
        JsonNode perProtocol;
        try {
            perProtocol = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            throw SnsFault.invalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        if (perProtocol == null || !perProtocol.path("default").isTextual()) {
            throw SnsFault.invalidParameter("Invalid parameter: Message Structure - No default entry in JSON message body");
        }
        JsonNode sqs = perProtocol.path("sqs");
        return sqs.isTextual() ? sqs.textValue() : perProtocol.get("default").textValue();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK always has SHA-256", e);
        }
    }
}
