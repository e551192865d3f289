import assert from 'node:assert/strict';
import { createAccessPolicy } from '../../src/access/create-access-policy';
import type { GroupMembershipChecker } from '../../src/access/group-membership-checker';
import { opensAdminCommandsToEveryone } from '../../src/access/opens-admin-commands-to-everyone';
import { loadConfig } from '../../src/config';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { captureLogger } from '../support/capture-logger';

/** Nobody is in any group; these tests never reach a group check. */
const noGroups: GroupMembershipChecker = { checkMemberGroups: () => Promise.resolve([]) };

describe('opensAdminCommandsToEveryone', () => {
  it('opens admin commands in demo mode when no admins are configured', () => {
    assert.equal(opensAdminCommandsToEveryone(loadConfig({ DATA_DIR: '/tmp/headroom-unused' })), true);
  });

  it('keeps them closed in demo mode once ADMIN_USER_IDS is set', () => {
    assert.equal(opensAdminCommandsToEveryone(loadConfig({ DATA_DIR: '/tmp/headroom-unused', ADMIN_USER_IDS: CONTOSO_IDS.adminUserId })), false);
  });

  it('keeps them closed in demo mode once ADMIN_GROUP_ID is set', () => {
    assert.equal(opensAdminCommandsToEveryone(loadConfig({ DATA_DIR: '/tmp/headroom-unused', ADMIN_GROUP_ID: CONTOSO_IDS.approverGroupId })), false);
  });

  it('keeps them closed against a tenant that is not the built-in demo, even with no admins', () => {
    assert.equal(opensAdminCommandsToEveryone(loadConfig({ DATA_DIR: '/tmp/headroom-unused', GRAPH_BASE_URL: 'http://127.0.0.1:5000' })), false);
  });
});

describe('createAccessPolicy', () => {
  it('lets anyone with an object id run admin commands in demo mode with no admins, and says so loudly', async () => {
    const { logger, lines } = captureLogger();

    const access = createAccessPolicy(loadConfig({ DATA_DIR: '/tmp/headroom-unused' }), noGroups, logger);

    assert.equal(await access.isAdmin(CONTOSO_IDS.regularUserId), true);
    assert.ok(lines.some((line) => line.level === 'warn' && /ANYONE/.test(String(line.msg))), JSON.stringify(lines));
  });

  it('lets nobody run admin commands against a real tenant with no admins, and warns about it', async () => {
    const { logger, lines } = captureLogger();

    const access = createAccessPolicy(loadConfig({ DATA_DIR: '/tmp/headroom-unused', GRAPH_BASE_URL: 'http://127.0.0.1:5000' }), noGroups, logger);

    assert.equal(await access.isAdmin(CONTOSO_IDS.adminUserId), false);
    assert.ok(lines.some((line) => line.level === 'warn' && /nobody can change alerts/.test(String(line.msg))), JSON.stringify(lines));
  });
});
