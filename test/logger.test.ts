import assert from 'node:assert/strict';
import { createLogger, silentLogger, type LogFields, type LogLevel } from '../src/logger';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbkBjb250b3NvIn0.c2lnbmF0dXJlLXBhcnQ';
const PASSWORD = 'hunter2-but-longer';

function jsonLines(level: LogLevel = 'debug'): { log: ReturnType<typeof createLogger>; lines: Record<string, unknown>[]; raw: string[] } {
  const raw: string[] = [];
  const log = createLogger({ level, format: 'json', write: (line) => raw.push(line) });
  return {
    log,
    raw,
    get lines() {
      return raw.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
  };
}

function logOnce(fields: LogFields, message = 'something happened'): { line: Record<string, unknown>; raw: string } {
  const out = jsonLines();
  out.log.info(message, fields);
  assert.equal(out.raw.length, 1);
  return { line: out.lines[0], raw: out.raw[0] };
}

describe('createLogger', () => {
  it('writes one JSON object per line with an ISO time, the level name, the message and the fields', () => {
    const { line } = logOnce({ skuId: 'e3', count: 4 }, 'seats read');

    assert.equal(line.level, 'info');
    assert.equal(line.msg, 'seats read');
    assert.equal(line.skuId, 'e3');
    assert.equal(line.count, 4);
    assert.ok(!Number.isNaN(Date.parse(String(line.time))) && String(line.time).endsWith('Z'), String(line.time));
    assert.equal('pid' in line || 'hostname' in line, false);
  });

  it('redacts a secret-named field seven levels down', () => {
    const { line, raw } = logOnce({ a: { b: { c: { d: { e: { f: { password: PASSWORD, kept: 'visible' } } } } } } });

    assert.ok(!raw.includes(PASSWORD), raw);
    const deep = (line.a as { b: { c: { d: { e: { f: Record<string, unknown> } } } } }).b.c.d.e.f;
    assert.equal(deep.password, '[redacted]');
    assert.equal(deep.kept, 'visible');
  });

  it('redacts every secret-sounding key name, whatever its case or spelling', () => {
    const names = ['clientSecret', 'accessToken', 'Authorization', 'apiKey', 'x-api-key', 'api_key', 'signature', 'credential', 'set-cookie'];
    const { line, raw } = logOnce(Object.fromEntries(names.map((name) => [name, `value-of-${name}`])));

    for (const name of names) {
      assert.equal(line[name], '[redacted]', name);
      assert.ok(!raw.includes(`value-of-${name}`), name);
    }
  });

  it('redacts inside arrays, including arrays of arrays', () => {
    const { raw, line } = logOnce({ items: [{ ok: 1 }, { token: 'tok-1' }, [[{ deeper: { secret: 'tok-2' } }]]] });

    assert.ok(!raw.includes('tok-1') && !raw.includes('tok-2'), raw);
    assert.deepEqual((line.items as unknown[])[0], { ok: 1 });
  });

  it('redacts request headers', () => {
    const { raw, line } = logOnce({ req: { headers: { authorization: 'Basic dXNlcjpwYXNz', cookie: 'session=abc123', accept: 'application/json' } } });

    assert.ok(!raw.includes('dXNlcjpwYXNz') && !raw.includes('abc123'), raw);
    assert.equal((line.req as { headers: Record<string, unknown> }).headers.accept, 'application/json');
  });

  it('cuts bearer tokens and JWTs out of the message and out of string values at any depth', () => {
    const { raw, line } = logOnce(
      { detail: { deep: { deeper: { text: `call failed with Bearer abc.def-ghi and ${JWT}` } } }, list: [`id ${JWT}`] },
      `token ${JWT} refused`,
    );

    assert.ok(!raw.includes(JWT) && !raw.includes('abc.def-ghi'), raw);
    assert.equal(line.msg, 'token [redacted] refused');
    assert.deepEqual(line.list, ['id [redacted]']);
  });

  it('logs an error with its type, message, stack and cause chain, scrubbed', () => {
    const root = new TypeError(`socket hang up for ${JWT}`);
    const error = new Error('Graph read failed', { cause: root });

    const { line, raw } = logOnce({ error, nested: { err: new RangeError('out of range') } });

    const logged = line.error as { type: string; message: string; stack: string; cause: { type: string; message: string; stack: string } };
    assert.equal(logged.type, 'Error');
    assert.equal(logged.message, 'Graph read failed');
    assert.match(logged.stack, /Graph read failed\n\s+at /);
    assert.equal(logged.cause.type, 'TypeError');
    assert.equal(logged.cause.message, 'socket hang up for [redacted]');
    assert.match(logged.cause.stack, /TypeError: socket hang up for \[redacted\]\n\s+at /);
    assert.ok(!raw.includes(JWT), raw);
    assert.equal((line.nested as { err: { type: string } }).err.type, 'RangeError');
  });

  it('keeps secret-named properties of an error out of the line', () => {
    const error = Object.assign(new Error('bad request'), { requestHeaders: { Authorization: `Bearer ${JWT}` }, password: PASSWORD });

    const { raw } = logOnce({ error });

    assert.ok(!raw.includes(JWT) && !raw.includes(PASSWORD), raw);
  });

  it('survives a cycle in the fields', () => {
    const node: Record<string, unknown> = { name: 'loop' };
    node.self = node;

    const { line } = logOnce({ node });

    assert.equal((line.node as Record<string, unknown>).self, '[Circular]');
  });

  it('writes only entries at or above its level', () => {
    const out = jsonLines('warn');

    out.log.debug('d');
    out.log.info('i');
    out.log.warn('w');
    out.log.error('e');

    assert.deepEqual(
      out.lines.map((line) => [line.level, line.msg]),
      [
        ['warn', 'w'],
        ['error', 'e'],
      ],
    );
  });

  it('writes nothing at level silent', () => {
    const out = jsonLines('silent');

    out.log.error('e', { error: new Error('x') });

    assert.deepEqual(out.raw, []);
  });

  it('does not touch the fields of a disabled level', () => {
    const out = jsonLines('info');
    const fields = {
      get expensive(): string {
        throw new Error('read a field of a debug entry that is not written');
      },
    };

    out.log.debug('d', fields);

    assert.deepEqual(out.raw, []);
  });

  it('writes readable lines in pretty mode, with the level, message, fields and stack, and no secret', () => {
    const raw: string[] = [];
    const log = createLogger({ level: 'debug', format: 'pretty', colorize: false, write: (line) => raw.push(line) });

    log.warn('quota nearly used', { skuId: 'SPE_E3', auth: { deep: { deeper: { token: 'tok-3' } } } });
    log.error('tick failed', { error: new Error('boom', { cause: new Error('root cause') }) });

    assert.equal(raw.length, 2);
    assert.doesNotThrow(() => raw.join('\n'));
    assert.throws(() => JSON.parse(raw[0]) as unknown);
    assert.match(raw[0], /WARN.*quota nearly used/);
    assert.match(raw[0], /skuId: "SPE_E3"/);
    assert.ok(!raw.join('\n').includes('tok-3'));
    assert.match(raw[1], /ERROR.*tick failed/);
    assert.match(raw[1], /Error: boom\n\s+at /);
    assert.match(raw[1], /root cause/);
  });
});

describe('silentLogger', () => {
  it('accepts every level and any fields without writing or throwing', () => {
    const originalWrite = process.stdout.write;
    let written = 0;
    process.stdout.write = (() => {
      written += 1;
      return true;
    }) as typeof process.stdout.write;
    try {
      silentLogger.debug('d', { password: PASSWORD });
      silentLogger.info('i');
      silentLogger.warn('w');
      silentLogger.error('e', { error: new Error('x') });
    } finally {
      process.stdout.write = originalWrite;
    }
    assert.equal(written, 0);
  });
});
