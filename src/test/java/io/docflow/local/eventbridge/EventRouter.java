package io.docflow.local.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;

/** Hands an event put on a bus to every target of every enabled rule on that bus whose pattern matches it. */
final class EventRouter {

    private final SqsDelivery delivery;

    EventRouter(SqsDelivery delivery) {
        this.delivery = delivery;
    }

    void route(EventBus bus, JsonNode event) {
        for (Rule rule : bus.matching(event)) {
            rule.targets().values().forEach(target -> delivery.deliver(target, event));
        }
    }
}
