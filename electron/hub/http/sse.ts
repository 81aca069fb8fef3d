/** The server-sent event stream: one per screen, every hub event to every screen. Runs in: the hub. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeviceRow } from '../db/stores/devices.js';
import type { EventBus } from '../events.js';
import { securityHeaders } from './headers.js';

/** Comments keep proxies and idle timers from closing a quiet stream. */
const heartbeatMs = 15_000;

/** The open streams and whose they are, so that a revoked device's streams can be closed at once. */
export class StreamRegistry {
  private readonly open = new Map<ServerResponse, number>();

  add(res: ServerResponse, deviceId: number): void {
    this.open.set(res, deviceId);
  }

  delete(res: ServerResponse): void {
    this.open.delete(res);
  }

  /** Ends every stream of one device (its token was revoked); returns how many there were. */
  closeDevice(deviceId: number): number {
    let closed = 0;
    for (const [res, id] of this.open) {
      if (id !== deviceId) continue;
      this.open.delete(res);
      // destroy, not end: the client must not read one more event on a revoked token.
      res.destroy();
      closed++;
    }
    return closed;
  }

  closeAll(): void {
    for (const res of this.open.keys()) res.end();
    this.open.clear();
  }

  get size(): number {
    return this.open.size;
  }
}

export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  events: EventBus,
  streams: StreamRegistry,
  device: DeviceRow,
): void {
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.socket?.setNoDelay(true);
  res.write(`retry: 2000\n\nevent: hello\ndata: ${JSON.stringify({ deviceId: device.id, role: device.role })}\n\n`);
  let id = 0;
  const unsubscribe = events.subscribe((event) => {
    id++;
    res.write(`id: ${id}\nevent: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': ping\n\n'), heartbeatMs);
  heartbeat.unref();
  streams.add(res, device.id);
  const done = () => {
    clearInterval(heartbeat);
    unsubscribe();
    streams.delete(res);
  };
  req.on('close', done);
  res.on('close', done);
}
