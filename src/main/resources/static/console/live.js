// The live job stream (GET /api/v1/jobs/events), one per page, shared by the views; reconnects with a growing pause.
import { readEvents } from './sse.js';

const listeners = new Set();

/** Views listen to the stream: listener(type, data) for 'job' and 'ready' events, and ('state', connected). */
export function onLive(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let controller = null;
let retry = 1000;

function liveState(text, connected) {
  const live = document.getElementById('live');
  live.textContent = text;
  live.classList.toggle('connected', connected);
  listeners.forEach(listener => listener('state', connected));
}

export function reconnect() {
  if (controller) {
    controller.abort();
  }
  controller = new AbortController();
  const signal = controller.signal;
  readEvents('/api/v1/jobs/events', {
    signal,
    onOpen: () => {
      retry = 1000;
      liveState('Live', true);
    },
    onEvent: event => {
      let data = null;
      try {
        data = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      listeners.forEach(listener => listener(event.type, data));
    }
  }).then(() => again(signal), error => again(signal, error));
}

function again(signal, error) {
  if (signal.aborted) {
    return;
  }
  if (error && error.status === 401) {
    liveState('Live updates need a token', false);
    return;
  }
  liveState('Reconnecting…', false);
  setTimeout(() => {
    if (!signal.aborted) {
      reconnect();
    }
  }, retry);
  retry = Math.min(retry * 2, 15000);
}

