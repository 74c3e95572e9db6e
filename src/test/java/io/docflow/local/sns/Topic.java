package io.docflow.local.sns;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.docflow.local.LocalAws;

/** One SNS topic: its name, ARN and attributes, and for FIFO topics the deduplication IDs seen lately. */
final class Topic {

    static final String ARN_PREFIX = "arn:aws:sns:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,251}\\.fifo");
    private static final Pattern ARN = Pattern.compile("arn:aws:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]{1,256}");
    private static final Map<String, String> DEFAULTS = Map.of("FifoTopic", "false", "ContentBasedDeduplication", "false");
    private static final Duration DEDUPLICATION_INTERVAL = Duration.ofMinutes(5);

    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, Instant> deduplicationIds = new HashMap<>();

    private Topic(String name) {
        this.name = name;
    }

    /** A new topic, checked as SNS checks CreateTopic: the name, and that only FIFO topics end in {@code .fifo}. */
    static Topic create(String name, Map<String, String> attributes) {
        boolean fifo = bool(attributes, "FifoTopic");
        if (!NAME.matcher(name).matches() && !FIFO_NAME.matcher(name).matches()) {
            throw SnsFault.invalidParameter("Invalid parameter: Topic Name");
        }
        if (fifo != name.endsWith(".fifo")) {
            throw SnsFault.invalidParameter("Invalid parameter: Fifo Topic names must end with .fifo and "
                    + "Non Fifo topic names must not end with .fifo");
        }
        Topic topic = new Topic(name);
        attributes.forEach(topic::setAttribute);
        return topic;
    }

    static String arnOf(String name) {
        return ARN_PREFIX + name;
    }

    static void checkArn(String arn, String parameter) {
        if (!ARN.matcher(arn).matches()) {
            throw SnsFault.invalidParameter("Invalid parameter: " + parameter);
        }
    }

    String name() {
        return name;
    }

    String arn() {
        return arnOf(name);
    }

    boolean fifo() {
        return name.endsWith(".fifo");
    }

    synchronized boolean contentBasedDeduplication() {
        return bool(attributes, "ContentBasedDeduplication");
    }

    synchronized Map<String, String> attributes() {
        return new LinkedHashMap<>(attributes);
    }

    synchronized void setAttribute(String attribute, String value) {
        if (attribute.equals("FifoTopic") && bool(Map.of(attribute, value), attribute) != fifo()) {
            throw SnsFault.invalidParameter("Invalid parameter: FifoTopic cannot be changed after the topic is created");
        }
        if (attribute.equals("ContentBasedDeduplication") && bool(Map.of(attribute, value), attribute) && !fifo()) {
            throw SnsFault.invalidParameter(
                    "Invalid parameter: Attributes Reason: Content based deduplication can only be set for FIFO topics");
        }
        attributes.put(attribute, value);
    }

    /** SNS answers CreateTopic for an existing name with its ARN, unless the request asks for other attributes. */
    synchronized boolean conflictsWith(Map<String, String> requested) {
        return requested.entrySet().stream().anyMatch(e ->
                !e.getValue().equalsIgnoreCase(attributes.getOrDefault(e.getKey(), DEFAULTS.getOrDefault(e.getKey(), ""))));
    }

    /** False when a FIFO message with this deduplication ID was accepted in the last five minutes. */
    synchronized boolean firstWithin5Minutes(String deduplicationId, Instant now) {
        deduplicationIds.values().removeIf(seen -> seen.plus(DEDUPLICATION_INTERVAL).isBefore(now));
        return deduplicationIds.putIfAbsent(deduplicationId, now) == null;
    }

    private static boolean bool(Map<String, String> attributes, String name) {
        String value = attributes.getOrDefault(name, "false");
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw SnsFault.invalidParameter("Invalid parameter: Attributes Reason: " + name + " must be true or false");
        }
        return value.equalsIgnoreCase("true");
    }
}
