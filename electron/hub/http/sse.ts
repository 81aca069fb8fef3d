/** The server-sent event stream: one per screen, every hub event to every screen. Runs in: the hub. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeviceRow } from '../db/stores/devices.js';
import type { EventBus } from '../events.js';
import { securityHeaders } from './headers.js';

/** Comments keep proxies and idle timers from closing a quiet stream. */
const heartbeatMs = 15_000;

export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  events: EventBus,
  streams: Set<ServerResponse>,
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
  streams.add(res);
  const done = () => {
    clearInterval(heartbeat);
    unsubscribe();
    streams.delete(res);
  };
  req.on('close', done);
  res.on('close', done);
}
