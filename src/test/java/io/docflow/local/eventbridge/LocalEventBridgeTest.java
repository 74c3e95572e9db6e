package io.docflow.local.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.local.LocalAws;
import io.docflow.local.LocalClients;
import io.docflow.local.LocalPorts;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.eventbridge.EventbridgeConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The local EventBridge answers the real SDK and Camel as EventBridge does and delivers matched events to SQS. */
class LocalEventBridgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER_PATTERN =
            "{\"source\":[\"docflow.test\"],\"detail-type\":[\"Job Finished\"],\"detail\":{\"status\":[\"DONE\"]}}";

    private static LocalAws aws;
    private static LocalClients clients;
    private static LocalEventBridge eventBridge;
    private static EventBridgeClient events;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(LocalPorts.free());
        clients = new LocalClients(aws);
        eventBridge = LocalEventBridge.start(0, clients.sqs());
        events = EventBridgeClient.builder()
                .region(Region.of(LocalAws.REGION))
                .endpointOverride(eventBridge.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @AfterAll
    static void stop() {
        events.close();
        eventBridge.close();
        clients.close();
        aws.close();
    }

    @Test
    void customBusRuleDeliversOnlyTheMatchingEventToTheQueueInTheEnvelope() throws Exception {
        String bus = unique("orders");
        String queueUrl = createQueue(unique("q"));
        String busArn = events.createEventBus(b -> b.name(bus)).eventBusArn();
        String ruleArn = events.putRule(b -> b.eventBusName(bus).name("job-finished").eventPattern(ORDER_PATTERN))
                .ruleArn();
        assertThat(events.putTargets(b -> b.eventBusName(bus).rule("job-finished")
                .targets(Target.builder().id("queue").arn(queueArn(queueUrl)).build())).failedEntryCount()).isZero();

        Instant time = Instant.parse("2026-03-01T10:15:30.250Z");
        PutEventsResponse put = events.putEvents(b -> b.entries(
                entry(busArn, "{\"jobId\":\"j-1\",\"status\":\"FAILED\"}").time(time).build(),
                entry(bus, "{\"jobId\":\"j-2\",\"status\":\"DONE\"}").time(time).resources("arn:aws:s3:::docs").build()));

        assertThat(busArn).isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/" + bus);
        assertThat(ruleArn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/" + bus + "/job-finished");
        assertThat(put.failedEntryCount()).isZero();
        String matchingId = put.entries().get(1).eventId();
        // Delivery keeps put order, so once the matching event is in, the other one would have been too.
        List<JsonNode> delivered = receiveUntil(queueUrl, matchingId);
        assertThat(delivered).hasSize(1);
        JsonNode event = delivered.get(0);
        assertThat(fieldNames(event)).containsExactly(
                "version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail");
        assertThat(event.get("version").asText()).isEqualTo("0");
        assertThat(event.get("detail-type").asText()).isEqualTo("Job Finished");
        assertThat(event.get("source").asText()).isEqualTo("docflow.test");
        assertThat(event.get("account").asText()).isEqualTo(LocalAws.ACCOUNT_ID);
        assertThat(event.get("time").asText()).isEqualTo("2026-03-01T10:15:30Z");
        assertThat(event.get("region").asText()).isEqualTo(LocalAws.REGION);
        assertThat(event.get("resources")).containsExactly(JSON.getNodeFactory().textNode("arn:aws:s3:::docs"));
        assertThat(event.get("detail")).isEqualTo(JSON.readTree("{\"jobId\":\"j-2\",\"status\":\"DONE\"}"));
        assertThat(receive(queueUrl)).isEmpty();
    }

    @Test
    void rulesAndTargetsReadBackAndDeleteLikeAws() {
        String bus = unique("admin");
        String queueArn = queueArn(createQueue(unique("q")));
        events.createEventBus(b -> b.name(bus));
        events.putRule(b -> b.eventBusName(bus).name("a-rule").eventPattern(ORDER_PATTERN).description("first"));
        events.putRule(b -> b.eventBusName(bus).name("b-rule").eventPattern(ORDER_PATTERN).state("DISABLED"));
        events.putTargets(b -> b.eventBusName(bus).rule("a-rule")
                .targets(Target.builder().id("t1").arn(queueArn).inputPath("$.detail").build()));

        var described = events.describeRule(b -> b.eventBusName(bus).name("a-rule"));
        assertThat(described.eventPattern()).isEqualTo(ORDER_PATTERN);
        assertThat(described.stateAsString()).isEqualTo("ENABLED");
        assertThat(described.description()).isEqualTo("first");
        assertThat(described.eventBusName()).isEqualTo(bus);
        assertThat(events.listRules(b -> b.eventBusName(bus).namePrefix("b-")).rules())
                .singleElement().satisfies(rule -> assertThat(rule.stateAsString()).isEqualTo("DISABLED"));
        assertThat(events.listRules(b -> b.eventBusName(bus).limit(1)).nextToken()).isNotNull();
        assertThat(events.listTargetsByRule(b -> b.eventBusName(bus).rule("a-rule")).targets())
                .singleElement().satisfies(t -> assertThat(t.inputPath()).isEqualTo("$.detail"));
        assertThat(events.describeEventBus(b -> b.name(bus)).arn()).endsWith(":event-bus/" + bus);
        assertThat(events.describeEventBus(b -> { }).name()).isEqualTo("default");
        assertThat(events.listEventBuses(b -> { }).eventBuses()).extracting(e -> e.name()).contains("default", bus);

        assertThatThrownBy(() -> events.deleteRule(b -> b.eventBusName(bus).name("a-rule")))
                .isInstanceOfSatisfying(EventBridgeException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        events.removeTargets(b -> b.eventBusName(bus).rule("a-rule").ids("t1"));
        events.deleteRule(b -> b.eventBusName(bus).name("a-rule"));
        assertThat(events.listRules(b -> b.eventBusName(bus)).rules()).extracting(r -> r.name()).containsExactly("b-rule");
        assertThatThrownBy(() -> events.createEventBus(b -> b.name(bus)))
                .isInstanceOf(ResourceAlreadyExistsException.class);

        events.enableRule(b -> b.eventBusName(bus).name("b-rule"));
        assertThat(events.describeRule(b -> b.eventBusName(bus).name("b-rule")).stateAsString()).isEqualTo("ENABLED");
        events.deleteEventBus(b -> b.name(bus));
        assertThatThrownBy(() -> events.describeEventBus(b -> b.name(bus))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> events.deleteEventBus(b -> b.name("default")))
                .isInstanceOfSatisfying(EventBridgeException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void inputPathDeliversOnlyTheDetailAndInputAConstant() throws Exception {
        String bus = unique("inputs");
        String detailQueue = createQueue(unique("detail"));
        String constantQueue = createQueue(unique("constant"));
        events.createEventBus(b -> b.name(bus));
        events.putRule(b -> b.eventBusName(bus).name("finished").eventPattern(ORDER_PATTERN));
        events.putTargets(b -> b.eventBusName(bus).rule("finished").targets(
                Target.builder().id("detail").arn(queueArn(detailQueue)).inputPath("$.detail").build(),
                Target.builder().id("constant").arn(queueArn(constantQueue)).input("{\"wake\":true}").build()));

        String detail = "{\"jobId\":\"j-3\",\"status\":\"DONE\",\"pages\":[1,2]}";
        events.putEvents(b -> b.entries(entry(bus, detail).build()));

        assertThat(awaitMessages(detailQueue).get(0).body()).isEqualTo(JSON.readTree(detail).toString());
        assertThat(awaitMessages(constantQueue).get(0).body()).isEqualTo("{\"wake\":true}");
    }

    @Test
    void invalidPatternIsRejectedWithInvalidEventPatternException() {
        assertThatThrownBy(() -> events.putRule(b -> b.name("bad").eventPattern("{\"source\":\"not-a-list\"}")))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageContaining("Event pattern is not valid");
        assertThatThrownBy(() -> events.putRule(b -> b.name("bad").eventPattern("not json")))
                .isInstanceOf(InvalidEventPatternException.class);
        assertThat(events.listRules(b -> b.namePrefix("bad")).rules()).isEmpty();
    }

    @Test
    void invalidEntriesAndEntriesForAnUnknownBusFailOnTheirOwn() {
        PutEventsResponse put = events.putEvents(b -> b.entries(
                entry("no-such-bus", "{\"a\":1}").build(),
                entry(null, "{\"a\":1}").build(),
                PutEventsRequestEntry.builder().source("docflow.test").detailType("Job Finished").build(),
                entry(null, "not json").build(),
                entry(null, "{\"a\":1}").source("aws.s3").build()));

        assertThat(put.failedEntryCount()).isEqualTo(4);
        assertThat(put.entries().get(0).errorCode()).isEqualTo("InvalidArgument");
        assertThat(put.entries().get(0).errorMessage()).contains("no-such-bus");
        assertThat(put.entries().get(0).eventId()).isNull();
        assertThat(put.entries().get(1).eventId()).isNotBlank();
        assertThat(put.entries().get(2).errorCode()).isEqualTo("InvalidArgument");
        assertThat(put.entries().get(3).errorCode()).isEqualTo("MalformedDetail");
        assertThat(put.entries().get(4).errorCode()).isEqualTo("NotAuthorizedForSourceException");
    }

    @Test
    void unknownRuleAndBusAreResourceNotFound() {
        assertThatThrownBy(() -> events.describeRule(b -> b.name("no-such-rule")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Rule no-such-rule does not exist on EventBus default");
        assertThatThrownBy(() -> events.putTargets(b -> b.rule("no-such-rule")
                .targets(Target.builder().id("t").arn("arn:aws:sqs:us-east-1:000000000000:q").build())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> events.describeEventBus(b -> b.name("no-such-bus")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void camelProducerPutsEventsOnACustomBus() throws Exception {
        String bus = unique("camel");
        String queueUrl = createQueue(unique("q"));
        events.createEventBus(b -> b.name(bus));
        events.putRule(b -> b.eventBusName(bus).name("from-camel").eventPattern(ORDER_PATTERN));
        events.putTargets(b -> b.eventBusName(bus).rule("from-camel")
                .targets(Target.builder().id("queue").arn(queueArn(queueUrl)).build()));

        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            Exchange sent = camel.createProducerTemplate().request("aws2-eventbridge://" + bus + "?operation=putEvent"
                    + "&overrideEndpoint=true&uriEndpointOverride=" + eventBridge.endpoint()
                    + "&region=us-east-1&accessKey=x&secretKey=y", exchange -> {
                        exchange.getIn().setHeader(EventbridgeConstants.EVENT_SOURCE, "docflow.test");
                        exchange.getIn().setHeader(EventbridgeConstants.EVENT_DETAIL_TYPE, "Job Finished");
                        exchange.getIn().setHeader(EventbridgeConstants.EVENT_RESOURCES_ARN, "arn:aws:s3:::docs/a.pdf");
                        exchange.getIn().setBody("{\"jobId\":\"j-4\",\"status\":\"DONE\"}");
                    });

            assertThat(sent.getException()).isNull();
            PutEventsResponse response = sent.getMessage().getBody(PutEventsResponse.class);
            assertThat(response.failedEntryCount()).isZero();
            JsonNode event = JSON.readTree(awaitMessages(queueUrl).get(0).body());
            assertThat(event.get("id").asText()).isEqualTo(response.entries().get(0).eventId());
            assertThat(event.get("resources").get(0).asText()).isEqualTo("arn:aws:s3:::docs/a.pdf");
            assertThat(event.get("detail").get("jobId").asText()).isEqualTo("j-4");
        }
    }

    @Test
    void objectCreatedInS3ReachesADefaultBusRuleAsTheEventBridgeEvent() throws Exception {
        String bucket = unique("inbox");
        String queueUrl = createQueue(unique("s3-events"));
        clients.s3().createBucket(b -> b.bucket(bucket));
        aws.s3Events().addDestination(eventBridge.s3EventsToDefaultBus());
        String rule = unique("s3-created");
        events.putRule(b -> b.name(rule).eventPattern("{\"source\":[\"aws.s3\"],"
                + "\"detail-type\":[\"Object Created\"],\"detail\":{\"bucket\":{\"name\":[\"" + bucket + "\"]}}}"));
        events.putTargets(b -> b.rule(rule).targets(Target.builder().id("queue").arn(queueArn(queueUrl)).build()));

        String key = "inbound/Jänner invoice+1 (copy).pdf";
        String eTag = clients.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("%PDF-1.4 hi")).eTag();

        JsonNode event = JSON.readTree(awaitMessages(queueUrl).get(0).body());
        assertThat(event.get("version").asText()).isEqualTo("0");
        assertThat(event.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(event.get("detail-type").asText()).isEqualTo("Object Created");
        assertThat(event.get("source").asText()).isEqualTo("aws.s3");
        assertThat(event.get("account").asText()).isEqualTo(LocalAws.ACCOUNT_ID);
        assertThat(event.get("region").asText()).isEqualTo(LocalAws.REGION);
        assertThat(Instant.parse(event.get("time").asText())).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(event.get("resources")).containsExactly(JSON.getNodeFactory().textNode("arn:aws:s3:::" + bucket));
        JsonNode detail = event.get("detail");
        assertThat(detail.get("version").asText()).isEqualTo("0");
        assertThat(detail.get("bucket").get("name").asText()).isEqualTo(bucket);
        JsonNode object = detail.get("object");
        assertThat(object.get("key").asText()).isEqualTo(key);
        assertThat(object.get("size").asLong()).isEqualTo("%PDF-1.4 hi".length());
        assertThat(object.get("etag").asText()).isEqualTo(eTag.replace("\"", ""));
        assertThat(object.has("version-id")).isFalse();
        assertThat(object.get("sequencer").asText()).matches("[0-9A-F]{18}");
        assertThat(detail.get("request-id").asText()).isNotBlank();
        assertThat(detail.get("requester").asText()).isEqualTo(LocalAws.ACCOUNT_ID);
        assertThat(detail.get("source-ip-address").asText()).isEqualTo("127.0.0.1");
        assertThat(detail.get("reason").asText()).isEqualTo("PutObject");
    }

    private static PutEventsRequestEntry.Builder entry(String bus, String detail) {
        return PutEventsRequestEntry.builder().eventBusName(bus).source("docflow.test").detailType("Job Finished")
                .detail(detail);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String createQueue(String name) {
        return clients.sqs().createQueue(b -> b.queueName(name)).queueUrl();
    }

    private static String queueArn(String queueUrl) {
        return clients.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static List<Message> receive(String queueUrl) {
        return clients.sqs().receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10))
                .messages();
    }

    private static List<Message> awaitMessages(String queueUrl) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> receive(queueUrl), messages -> !messages.isEmpty());
    }

    /** Every event the queue receives until one with {@code eventId} has arrived. */
    private static List<JsonNode> receiveUntil(String queueUrl, String eventId) {
        List<JsonNode> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (Message message : receive(queueUrl)) {
                received.add(JSON.readTree(message.body()));
            }
            return received.stream().anyMatch(event -> eventId.equals(event.path("id").asText()));
        });
        return received;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
