/**
 * The hub's log. Runs in: the hub. It takes a fixed message and a few fields; callers pass codes,
 * method names and ids, never names, PINs, badges or tokens (no personal data in logs).
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export function consoleLogger(stream: NodeJS.WritableStream = process.stderr): Logger {
  const write = (level: string, message: string, fields?: LogFields) =>
    stream.write(`${JSON.stringify({ t: new Date().toISOString(), level, message, ...fields })}\n`);
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
