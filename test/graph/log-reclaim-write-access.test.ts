import assert from 'node:assert/strict';
import { REQUIRED_PERMISSIONS } from '../../src/graph/graph-permissions';
import { logReclaimWriteAccess } from '../../src/graph/log-reclaim-write-access';
import { captureLogger } from '../support/capture-logger';

describe('logReclaimWriteAccess', () => {
  const roles = (granted: string[] | null) => (): Promise<string[] | null> => Promise.resolve(granted);

  it('warns once, naming LicenseAssignment.ReadWrite.All, when on without it', async () => {
    const { logger, lines } = captureLogger();

    await logReclaimWriteAccess(true, roles([...REQUIRED_PERMISSIONS]), logger);

    assert.equal(lines.length, 1);
    assert.equal(lines[0]?.['level'], 'warn');
    assert.match(String(lines[0]?.['msg']), /LicenseAssignment\.ReadWrite\.All is not granted/);
    assert.deepEqual(lines[0]?.['missingPermissions'], ['LicenseAssignment.ReadWrite.All', 'User.ReadWrite.All']);
  });

  it('says once at info level when both writes are allowed', async () => {
    const { logger, lines } = captureLogger();

    await logReclaimWriteAccess(true, roles(['LicenseAssignment.ReadWrite.All', 'User.ReadWrite.All']), logger);

    assert.deepEqual(lines.map((line) => line['level']), ['info']);
    assert.match(String(lines[0]?.['msg']), /license removals are allowed/);
  });

  it('says the permissions are unknown without a token, and nothing at all when off', async () => {
    const on = captureLogger();
    const off = captureLogger();
    let asked = false;

    await logReclaimWriteAccess(true, roles(null), on.logger);
    await logReclaimWriteAccess(false, () => {
      asked = true;
      return Promise.resolve([]);
    }, off.logger);

    assert.match(String(on.lines[0]?.['msg']), /unknown without a Graph token/);
    assert.deepEqual(off.lines, []);
    assert.equal(asked, false);
  });
});
