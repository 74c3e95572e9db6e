package io.docflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class ItemUpdateTest {

    @Test
    void clausesNameEveryAttributeAndValueThroughPlaceholders() {
        ItemUpdate update = new ItemUpdate().set("status", "QUEUED").increment("parkings").remove("claimedBy");
        update.condition(update.name("status") + " = " + update.value("before", AttributeValue.fromS("PROCESSING")));

        UpdateItemRequest request = update.applyTo(UpdateItemRequest.builder()).build();

        assertThat(request.updateExpression()).isEqualTo("SET #status = :status ADD #parkings :parkings_increment REMOVE #claimedBy");
        assertThat(request.conditionExpression()).isEqualTo("#status = :before");
        assertThat(request.expressionAttributeNames()).containsOnlyKeys("#status", "#parkings", "#claimedBy")
                .containsEntry("#status", "status");
        assertThat(request.expressionAttributeValues()).containsEntry(":status", AttributeValue.fromS("QUEUED"))
                .containsEntry(":parkings_increment", AttributeValue.fromN("1"))
                .containsEntry(":before", AttributeValue.fromS("PROCESSING"));
    }

    @Test
    void anUpdateWithoutConditionOrValuesSendsNeither() {
        UpdateItemRequest request = new ItemUpdate().remove("announced").applyTo(UpdateItemRequest.builder()).build();

        assertThat(request.updateExpression()).isEqualTo("REMOVE #announced");
        assertThat(request.conditionExpression()).isNull();
        assertThat(request.hasExpressionAttributeValues()).isFalse();
    }

    @Test
    void anUpdateNeedsAClause() {
        assertThatThrownBy(() -> new ItemUpdate().expression()).hasMessageContaining("at least one clause");
    }
}
