package io.docflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.config.DocflowStartupException;
import io.docflow.model.DocumentClassCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class FieldReviewsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path classes;

    @Test
    void theShippedClassesEachGetTheirReviewAndAnUnknownClassThatOfOther() {
        DocflowProperties properties = properties("classpath:document-classes");
        FieldReviews reviews = new FieldReviews(new DocumentClassCatalog(properties, MAPPER), properties);

        assertThat(reviews.of("invoice")).isNotNull().isNotSameAs(reviews.of("other"));
        assertThat(reviews.of("no-such-class")).isSameAs(reviews.of("other"));
    }

    @Test
    void aMalformedRuleStopsTheStartNamingFileAndRule() throws Exception {
        Files.writeString(classes.resolve("other.schema.json"), "{\"type\": \"object\", \"properties\": {}}");
        Files.writeString(classes.resolve("invoice.schema.json"), """
                {"type": "object", "properties": {"total": {"type": "number"}},
                 "x-docflow-rules": [{"id": "invoice.total", "check": "sum", "add": ["/subtotal"], "equals": "/total"}]}""");
        DocflowProperties properties = properties("file:" + classes);
        DocumentClassCatalog catalog = new DocumentClassCatalog(properties, MAPPER);

        assertThatThrownBy(() -> new FieldReviews(catalog, properties))
                .isInstanceOf(DocflowStartupException.class)
                .hasMessageStartingWith("docflow.classes.location: invoice.schema.json: x-docflow-rules[0] (invoice.total)")
                .hasMessageContaining("/subtotal");
    }

    private static DocflowProperties properties(String location) {
        return Binder.get(new MockEnvironment().withProperty("docflow.classes.location", location))
                .bindOrCreate("docflow", DocflowProperties.class);
    }
}
