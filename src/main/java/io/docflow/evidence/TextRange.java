package io.docflow.evidence;

/** A range {@code [start, end)} of the stored text, e.g. a chunk the fields were extracted from. */
public record TextRange(int start, int end) {

    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a range: [" + start + ", " + end + ")");
        }
    }

    boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
