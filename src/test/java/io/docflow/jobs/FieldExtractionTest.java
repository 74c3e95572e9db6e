package io.docflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class FieldExtractionTest {

    private final ObjectNode merged = JsonNodeFactory.instance.objectNode().put("vendorName", "Acme");
    private final FieldExtraction invalid = FieldExtraction.merged(merged, List.of("invoiceNumber is required"));

    @Test
    void mergedFieldsAreValidWithoutErrorsAndNotRepaired() {
        FieldExtraction valid = FieldExtraction.merged(merged, List.of());

        assertThat(valid.valid()).isTrue();
        assertThat(valid.repaired()).isFalse();
        assertThat(invalid.valid()).isFalse();
    }

    @Test
    void theErrorsAreACopy() {
        List<String> errors = new ArrayList<>(List.of("total is required"));
        FieldExtraction extraction = FieldExtraction.merged(merged, errors);
        errors.add("later");

        assertThat(extraction.validationErrors()).containsExactly("total is required");
        assertThatThrownBy(() -> extraction.validationErrors().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRepairThatMadeTheFieldsValidReplacesThem() {
        ObjectNode repairedFields = JsonNodeFactory.instance.objectNode().put("invoiceNumber", "A");

        FieldExtraction repaired = invalid.repairedTo(repairedFields);

        assertThat(repaired).isEqualTo(new FieldExtraction(repairedFields, List.of(), true));
    }

    @Test
    void aRepairStillInvalidKeepsTheFieldsWithItsOwnErrors() {
        FieldExtraction repaired = invalid.repairStillInvalid(List.of("total is required"));

        assertThat(repaired).isEqualTo(new FieldExtraction(merged, List.of("total is required"), true));
    }

    @Test
    void anUnreadableRepairKeepsFieldsAndErrorsAndSaysWhy() {
        FieldExtraction repaired = invalid.repairUnreadable("no JSON object");

        assertThat(repaired).isEqualTo(new FieldExtraction(merged,
                List.of("invoiceNumber is required", "repair reply: no JSON object"), true));
        assertThat(invalid.validationErrors()).as("unchanged").hasSize(1);
    }
}
