import assert from 'node:assert/strict';
import { shutDownGracefully } from '../../src/shutdown/shut-down-gracefully';
import { captureLogger } from '../support/capture-logger';

describe('shutDownGracefully', () => {
  it('returns exit code 0 when the stop finishes before the deadline', async () => {
    const { logger, lines } = captureLogger();
    const reasons: string[] = [];

    const code = await shutDownGracefully('SIGTERM', {
      stop: async (reason) => {
        reasons.push(reason);
      },
      pending: () => [],
      logger,
      deadlineMs: 1_000,
    });

    assert.equal(code, 0);
    assert.deepEqual(reasons, ['SIGTERM']);
    assert.deepEqual(lines.filter((line) => line.level === 'error'), []);
  });

  it('gives up at the deadline with exit code 1 and logs what was still pending', async () => {
    const { logger, lines } = captureLogger();

    const code = await shutDownGracefully('SIGTERM', {
      stop: () => new Promise<void>(() => undefined),
      pending: () => ['finishing in-flight turns', '2 bot turn(s) or API call(s) in flight'],
      logger,
      deadlineMs: 50,
    });

    assert.equal(code, 1);
    const logged = lines.find((line) => line.msg === 'shutdown deadline passed; exiting with work still pending');
    assert.deepEqual(logged?.pending, ['finishing in-flight turns', '2 bot turn(s) or API call(s) in flight']);
  });

  it('returns exit code 1 and logs the error when the stop fails', async () => {
    const { logger, lines } = captureLogger();

    const code = await shutDownGracefully('SIGINT', {
      stop: () => Promise.reject(new Error('pool already ended')),
      pending: () => ['closing the store'],
      logger,
      deadlineMs: 1_000,
    });

    assert.equal(code, 1);
    assert.ok(lines.some((line) => line.msg === 'shutdown failed; exiting' && JSON.stringify(line.error).includes('pool already ended')));
  });
});
