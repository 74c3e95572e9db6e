package io.docflow.evidence;

/**
 * What looking for a value in its quote found: where the value is in the text ({@code [start, end)}) with an optional
 * note (an ambiguous date, a missing sign), or why it is not there.
 */
record ValueMatch(boolean found, int start, int end, String note, String reason) {

    static ValueMatch at(int start, int end, String note) {
        return new ValueMatch(true, start, end, note, null);
    }

    static ValueMatch missing(String reason) {
        return new ValueMatch(false, -1, -1, null, reason);
    }

    ValueMatch withNote(String extra) {
        if (!found || extra == null) {
            return this;
        }
        return new ValueMatch(true, start, end, note == null ? extra : extra + "; " + note, null);
    }
}
