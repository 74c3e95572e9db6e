package io.docflow.evaluation.set;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One planned document of the set: its class, name and format, the page it is set on, its content and its ground
 * truth (the fields in the result's shape). Planning makes these; the renderings turn them into files.
 */
record DocumentSpec(String documentClass, String name, Format format, PageStyle page, List<Block> blocks,
                    ObjectNode fields) {

    /** {@code invoice-012.pdf}. */
    String fileName() {
        return name + "." + format.extension();
    }

    /** {@code invoice/invoice-012.pdf}, relative to the set's folder. */
    String relativePath() {
        return documentClass + "/" + fileName();
    }
}
