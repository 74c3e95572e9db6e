package io.docflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FieldChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> changed(String before, String after) {
        return FieldChanges.fields(FieldChanges.between(json(before), json(after)));
    }

    @Test
    void identicalTreesHaveNoChanges() {
        assertThat(changed("{'total':693.86,'lineItems':[{'amount':1}]}", "{'total':693.86,'lineItems':[{'amount':1}]}"))
                .isEmpty();
    }

    @Test
    void aChangedValueIsNamedByItsPointerWithBeforeAndAfter() {
        List<FieldChange> changes = FieldChanges.between(json("{'total':693.86,'currency':'USD'}"),
                json("{'total':648.86,'currency':'USD'}"));

        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).field()).isEqualTo("/total");
        assertThat(changes.get(0).before().decimalValue()).isEqualByComparingTo("693.86");
        assertThat(changes.get(0).after().decimalValue()).isEqualByComparingTo("648.86");
    }

    @Test
    void numbersCompareByValue() {
        assertThat(changed("{'total':693.86,'tax':30}", "{'total':693.860,'tax':30.0}")).isEmpty();
    }

    @Test
    void valuesAddedOrRemovedAreChangesAndAbsentEqualsNull() {
        assertThat(changed("{'a':1,'b':null}", "{'a':null,'c':'x'}")).containsExactly("/a", "/c");
        List<FieldChange> removed = FieldChanges.between(json("{'a':1}"), json("{}"));
        assertThat(removed.get(0).after().isNull()).isTrue();
    }

    @Test
    void listsCompareItemByItemDownToTheirValues() {
        assertThat(changed("{'lineItems':[{'description':'Widget','amount':10},{'description':'Fee','amount':7.5}]}",
                "{'lineItems':[{'description':'Widget','amount':12},{'description':'Fee','amount':7.5},{'description':'Tip','amount':1}]}"))
                .containsExactly("/lineItems/0/amount", "/lineItems/2");
        assertThat(changed("{'lineItems':[{'amount':1},{'amount':2}]}", "{'lineItems':[{'amount':1}]}"))
                .containsExactly("/lineItems/1");
    }

    @Test
    void aValueAgainstAListIsOneChangeAndEmptyContainersEqualNull() {
        assertThat(changed("{'parties':'A and B'}", "{'parties':['A','B']}")).containsExactly("/parties");
        assertThat(changed("{'lineItems':null}", "{'lineItems':[]}")).isEmpty();
    }

    @Test
    void namesWithSlashesAreEscapedInThePointer() {
        assertThat(changed("{'a/b':1,'c~d':1}", "{'a/b':2,'c~d':2}")).containsExactly("/a~1b", "/c~0d");
    }
}
