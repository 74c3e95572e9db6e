// Evidence spans over the document's text, and the fields of a result as JSON pointers.

/**
 * The text in pieces, each {text, span}: span is the evidence entry the piece is, or null between spans. Offsets are
 * UTF-16 units, as in Java's String (the result's review.evidence[].start/end); spans outside the text, empty ones
 * and ones overlapping an earlier span are left out, so the pieces always join up to the whole text.
 */
export function pieces(text, spans) {
  const usable = spans
    .filter(s => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= text.length)
    .sort((a, b) => a.start - b.start);
  const result = [];
  let at = 0;
  for (const span of usable) {
    if (span.start < at) {
      continue;
    }
    if (span.start > at) {
      result.push({ text: text.slice(at, span.start), span: null });
    }
    result.push({ text: text.slice(span.start, span.end), span });
    at = span.end;
  }
  if (at < text.length) {
    result.push({ text: text.slice(at), span: null });
  }
  return result;
}

/** RFC 6901: a key as a pointer token. */
export function token(key) {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every leaf (string, number, boolean, null, empty list or object) of value as {pointer, value}, in order. */
export function leaves(value, pointer = '') {
  if (value !== null && typeof value === 'object') {
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    if (keys.length > 0) {
      return keys.flatMap(key => leaves(value[key], pointer + '/' + token(key)));
    }
  }
  return [{ pointer, value }];
}
