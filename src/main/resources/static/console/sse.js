// Server-sent events read with fetch(), so that the stream can carry an Authorization header (EventSource cannot).
import { ApiError, authHeaders, problemOf } from './api.js';

/**
 * The text/event-stream format (HTML Living Standard, "Interpreting an event stream"), fed in pieces: lines end in
 * CRLF, LF or CR; "event", "data" (several lines joined by LF) and "id" fields; comment lines start with a colon;
 * a blank line dispatches the event, if it has data.
 */
export class SseParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.clear();
  }

  clear() {
    this.type = '';
    this.data = [];
    this.id = null;
  }

  push(chunk) {
    this.buffer += chunk;
    for (;;) {
      const end = this.buffer.search(/[\r\n]/);
      if (end < 0 || (this.buffer[end] === '\r' && end === this.buffer.length - 1)) {
        return; // no whole line yet, or a CR that may be the first half of CRLF
      }
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + (this.buffer.startsWith('\r\n', end) ? 2 : 1));
      this.line(line);
    }
  }

  line(line) {
    if (line === '') {
      if (this.data.length > 0) {
        this.onEvent({ type: this.type || 'message', data: this.data.join('\n'), id: this.id });
      }
      this.clear();
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      this.type = value;
    } else if (field === 'data') {
      this.data.push(value);
    } else if (field === 'id') {
      this.id = value;
    }
  }
}

/** Reads the stream at url until it ends (resolves) or fails (rejects); each event to onEvent. */
export async function readEvents(url, { signal, onOpen, onEvent }) {
  const response = await fetch(url, { headers: authHeaders({ Accept: 'text/event-stream' }), signal, cache: 'no-store' });
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  onOpen();
  const parser = new SseParser(onEvent);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    parser.push(value);
  }
}
