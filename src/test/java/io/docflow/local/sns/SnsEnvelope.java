package io.docflow.local.sns;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON notification SNS puts in a subscribed queue when raw delivery is off, with SNS's field order. The
 * signature fields are present but nothing can verify them: there is no signing key behind SigningCertURL.
 */
final class SnsEnvelope {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SnsEnvelope() {
    }

    static String json(SqsDelivery delivery, URI snsEndpoint) {
        PublishedMessage message = delivery.message();
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", message.messageId());
        if (message.sequenceNumber() != null) {
            envelope.put("SequenceNumber", message.sequenceNumber());
        }
        envelope.put("TopicArn", message.topicArn());
        if (message.subject() != null) {
            envelope.put("Subject", message.subject());
        }
        envelope.put("Message", message.message());
        envelope.put("Timestamp", TIMESTAMP.format(message.timestamp()));
        envelope.put("SignatureVersion", "1");
        envelope.put("Signature", placeholderSignature(message));
        envelope.put("SigningCertURL", snsEndpoint.resolve("/SimpleNotificationService-local.pem").toString());
        envelope.put("UnsubscribeURL", snsEndpoint.resolve("/?Action=Unsubscribe&SubscriptionArn="
                + URLEncoder.encode(delivery.subscriptionArn(), StandardCharsets.UTF_8)).toString());
        if (!message.attributes().isEmpty()) {
            ObjectNode attributes = envelope.putObject("MessageAttributes");
            message.attributes().forEach((name, attribute) -> attributes.putObject(name)
                    .put("Type", attribute.dataType())
                    .put("Value", attribute.envelopeValue()));
        }
        return envelope.toString();
    }

    private static String placeholderSignature(PublishedMessage message) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((message.messageId() + "\n" + message.message()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK always has SHA-256", e);
        }
    }
}
