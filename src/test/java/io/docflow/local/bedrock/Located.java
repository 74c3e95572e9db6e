package io.docflow.local.bedrock;

/** A value as read from the document, with the index of the line it was read from (-1: not from one line). */
record Located(String raw, int line) {
}
