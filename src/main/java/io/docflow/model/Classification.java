package io.docflow.model;

/**
 * The model's answer to "which class is this document".
 *
 * @param answeredClass what the model said, kept when it named a class outside the list (then {@code documentClass}
 *                      is {@code other})
 */
public record Classification(String documentClass, double confidence, String reason, String answeredClass) {
}
