package io.docflow.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

import io.docflow.config.DocflowProperties;
import io.docflow.config.DocflowStartupException;
import io.docflow.evidence.FieldReview;
import io.docflow.evidence.ReviewConfigurationException;
import io.docflow.model.DocumentClass;
import io.docflow.model.DocumentClassCatalog;
import org.springframework.stereotype.Component;

/**
 * One {@link FieldReview} per document class, built at start-up: a class file whose rules or thresholds cannot be
 * used as written stops docflow from starting, naming the file and the rule, instead of failing its first document.
 */
@Component("fieldReviews")
public class FieldReviews {

    private final Map<String, FieldReview> reviews = new LinkedHashMap<>();
    private final DocumentClassCatalog catalog;

    public FieldReviews(DocumentClassCatalog catalog, DocflowProperties properties) {
        this.catalog = catalog;
        for (DocumentClass documentClass : catalog.all()) {
            String file = documentClass.name() + ".schema.json";
            try {
                reviews.put(documentClass.name(), FieldReview.forClass(file, documentClass.schema()));
            } catch (ReviewConfigurationException e) {
                throw new DocflowStartupException("docflow.classes.location", e.getMessage(),
                        "Correct the rule or threshold in " + properties.classes().location() + "/" + file
                                + " (docs/document-classes.md, \"Evidence, rules and review\").", e);
            }
        }
    }

    /** The review of {@code documentClass}, or of the class {@code other} for a name the catalog does not know. */
    public FieldReview of(String documentClass) {
        return reviews.get(catalog.get(documentClass).name());
    }
}
