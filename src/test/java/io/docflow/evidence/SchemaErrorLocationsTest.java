package io.docflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SchemaErrorLocationsTest {

    @Test
    void theValidatorsLocationsBecomePointers() {
        assertThat(SchemaErrorLocations.pointers(List.of(
                "$.total: string found, number expected",
                "$.lineItems[2].description: integer found, string expected",
                "$: required property 'total' not found",
                "$['odd key'][0]: something")))
                .containsExactlyInAnyOrder("/total", "/lineItems/2/description", "", "/odd key/0");
    }
}
