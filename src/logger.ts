import { pino, stdSerializers, stdTimeFunctions, type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { PrettyOptions } from 'pino-pretty';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** `json`: one JSON object per line, for log collectors. `pretty`: coloured, readable lines for a person. */
export type LogFormat = 'json' | 'pretty';

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /** The lowest level written; `silent` writes nothing. Default `info`. */
  level?: LogLevel;
  /** Default `json`. */
  format?: LogFormat;
  /** Where finished lines go (without the trailing newline). Default: stdout, written synchronously. */
  write?: (line: string) => void;
  /** Colour pretty output. Default: when stdout is a terminal. */
  colorize?: boolean;
}

const REDACTED = '[redacted]';
/** Field names whose values never reach a log line, at any depth. */
const SECRET_KEY = /(password|secret|token|authorization|api[-_]?key|signature|credential|cookie)/i;
/** Values that look like secrets wherever they appear: bearer tokens and JWTs. */
const SECRET_VALUE = [/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g];
/**
 * Fixed paths for pino's own redaction: request and response headers as restify and the HTTP clients
 * log them. `redactSecrets` below covers every depth by key name; these stay as pino's declared policy.
 */
const HEADER_PATHS = ['authorization', 'cookie', 'set-cookie', 'x-api-key'].flatMap((name) => [
  `headers["${name}"]`,
  `*.headers["${name}"]`,
]);

function scrubText(text: string): string {
  return SECRET_VALUE.reduce((out, pattern) => out.replace(pattern, REDACTED), text);
}

/**
 * Removes secrets from a value before it is logged, at any depth and inside arrays: values under a
 * secret-sounding key are replaced, and bearer tokens and JWTs are cut out of every string. An `Error`
 * becomes pino's standard serialization (type, message, stack, cause chain), scrubbed the same way.
 * Cycles print as `[Circular]`.
 */
export function redactSecrets(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') {
    return scrubText(value);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (seen.has(value)) {
    return '[Circular]';
  }
  seen.add(value);
  if (value instanceof Error) {
    return redactSecrets(stdSerializers.errWithCause(value), seen);
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => redactSecrets(item, seen));
  }
  if (value instanceof Date) {
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactSecrets(inner, seen);
  }
  return out;
}

/**
 * Headroom's logger on pino: ISO times, level names, secrets redacted at any depth, errors with their
 * stack and cause. `redactSecrets` runs as pino's log formatter and applies pino's standard error
 * serializer (`errWithCause`) to an `Error` under any key and at any depth, so no per-key serializers
 * are configured. Output is synchronous, so nothing is lost when the process exits.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const format = options.format ?? 'json';
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const base = pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      timestamp: stdTimeFunctions.isoTime,
      redact: { paths: HEADER_PATHS, censor: REDACTED },
      formatters: {
        // Pretty mode keeps pino's numeric levels, which pino-pretty reads; JSON shows the names.
        ...(format === 'json' ? { level: (label: string) => ({ level: label }) } : {}),
        log: (fields: Record<string, unknown>) => redactSecrets(fields) as Record<string, unknown>,
      },
    },
    destinationFor(format, write, options.colorize ?? process.stdout.isTTY === true),
  );
  return wrap(base);
}

function destinationFor(format: LogFormat, write: (line: string) => void, colorize: boolean): DestinationStream {
  if (format === 'json') {
    return { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) };
  }
  const pretty = loadPrettyFactory()({ colorize, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  return { write: (chunk: string) => write(pretty(chunk).replace(/\n$/, '')) };
}

/** pino-pretty is loaded only when pretty output is asked for, so JSON logging (production) never pays for it. */
function loadPrettyFactory(): (options: PrettyOptions) => (line: string) => string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const prettyModule = require('pino-pretty') as typeof import('pino-pretty');
  return prettyModule.prettyFactory;
}

function wrap(base: PinoLogger): Logger {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, fields?: LogFields): void => {
      // The level check comes first so a disabled level costs no redaction work.
      if (base.isLevelEnabled(level)) {
        base[level](fields ?? {}, scrubText(message));
      }
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A logger that discards everything; for tests and benchmarks. */
export const silentLogger: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
