/**
 * Parses a text/event-stream body as it arrives. EventSource cannot send an Authorization header,
 * so the stream is read with fetch and parsed here.
 */
export interface SseMessage {
  event: string;
  data: string;
}

export class SseParser {
  private pending = '';
  private event = '';
  private data: string[] = [];

  /** Feeds a decoded chunk; returns the messages it completed. */
  push(chunk: string): SseMessage[] {
    this.pending += chunk;
    const lines = this.pending.split(/\r\n|\r|\n/);
    // The last piece may be a line cut in half by the network; keep it for the next chunk.
    this.pending = lines.pop() ?? '';
    const done: SseMessage[] = [];
    for (const line of lines) {
      if (line === '') {
        if (this.data.length > 0) done.push({ event: this.event || 'message', data: this.data.join('\n') });
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
    }
    return done;
  }
}
