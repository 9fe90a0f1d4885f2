// Live updates: the server-sent event stream read with fetch, so the key travels as a header and never in a URL.
import { session } from './api.js';
import { $ } from './dom.js';

let controller = null;

function status(text, on) {
  $('live').textContent = text;
  $('live').classList.toggle('on', on);
}

export function stopStream() {
  if (controller) controller.abort();
  controller = null;
  status('offline', false);
}

export const streaming = () => controller !== null;

/** Reads /api/events until stopped, reconnecting after a pause; calls onEvent with each event, onRefused on 401. */
export function startStream(onEvent, onRefused) {
  stopStream();
  const mine = new AbortController();
  controller = mine;
  (async () => {
    while (!mine.signal.aborted) {
      try {
        const response = await fetch('/api/events', {
          headers: { 'X-Api-Key': session.key || '', Accept: 'text/event-stream' }, signal: mine.signal,
        });
        if (response.status === 401) { onRefused(); return; }
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        status('live', true);
        await read(response.body.pipeThrough(new TextDecoderStream()).getReader(), onEvent);
      } catch {
        if (mine.signal.aborted) return;
      }
      status('reconnecting', false);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  })();
}

async function read(reader, onEvent) {
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
      if (data) onEvent(JSON.parse(data));
    }
  }
}
