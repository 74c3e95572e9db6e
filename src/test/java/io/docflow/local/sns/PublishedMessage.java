package io.docflow.local.sns;

import java.time.Instant;
import java.util.Map;

/**
 * A message SNS has accepted for a topic, as it is delivered to SQS subscribers.
 *
 * @param message         the text SQS subscribers get: for MessageStructure json, the {@code sqs} or else {@code default} entry
 * @param subject         null when the publisher gave none
 * @param sequenceNumber  FIFO topics only, else null
 * @param deduplicationId FIFO topics only: the publisher's, or the message's SHA-256 with content-based deduplication
 */
record PublishedMessage(String messageId, String topicArn, String subject, String message,
                        Map<String, MessageAttribute> attributes, String messageGroupId, String deduplicationId,
                        String sequenceNumber, Instant timestamp) {
}
