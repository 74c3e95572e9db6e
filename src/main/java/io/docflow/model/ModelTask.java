package io.docflow.model;

/** What a model call is for; recorded with its usage in the result. */
public enum ModelTask {
    CLASSIFY, EXTRACT, REPAIR
}
