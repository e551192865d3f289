export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** Field names whose values never reach a log line. */
const SECRET_KEY = /(password|secret|token|authorization|api[-_]?key|signature|credential|cookie)/i;
/** Values that look like secrets wherever they appear: bearer tokens and JWTs. */
const SECRET_VALUE = [/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g];

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Removes secrets from a value before it is logged: by key name, and by shape for free text. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return SECRET_VALUE.reduce((text, pattern) => text.replace(pattern, '[redacted]'), value);
  }
  if (value instanceof Error) {
    return { name: value.name, message: redact(value.message, depth + 1) };
  }
  if (value === null || typeof value !== 'object' || depth > 4) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => redact(item, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(inner, depth + 1);
  }
  return out;
}

/** A JSON-lines logger on stdout/stderr that redacts secrets. */
export function createLogger(level: LogLevel = 'info', write: (line: string) => void = defaultWrite): Logger {
  const threshold = LEVEL_ORDER[level];
  const log = (lvl: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields): void => {
    if (LEVEL_ORDER[lvl] < threshold) {
      return;
    }
    const entry = { time: new Date().toISOString(), level: lvl, msg: redact(message), ...(redact(fields ?? {}) as LogFields) };
    write(JSON.stringify(entry));
  };
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}

function defaultWrite(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** A logger that discards everything; for tests and benchmarks. */
export const silentLogger: Logger = createLogger('silent');
