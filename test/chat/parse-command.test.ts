import assert from 'node:assert/strict';
import type { Command } from '../../src/chat/command';
import { parseCommand } from '../../src/chat/parse-command';

describe('parseCommand', () => {
  const cases: [string, Command][] = [
    ['help', { kind: 'help' }],
    ['', { kind: 'help' }],
    ['Hello!', { kind: 'help' }],
    ['licenses', { kind: 'licenses' }],
    ['Status', { kind: 'licenses' }],
    ['how many licenses do we have left?', { kind: 'licenses' }],
    ['shortfalls', { kind: 'shortfalls' }],
    ['errors', { kind: 'errors' }],
    ['License errors', { kind: 'errors' }],
    ['licence errors?', { kind: 'errors' }],
    ['how many E3 left?', { kind: 'product', query: 'e3' }],
    ['How many M365 E3 seats are left', { kind: 'product', query: 'm365 e3' }],
    ['e5', { kind: 'product', query: 'e5' }],
    ['power bi pro', { kind: 'product', query: 'power bi pro' }],
    ['05e9a617-0261-4cee-bb44-138d3ef5d965', { kind: 'product', query: '05e9a617-0261-4cee-bb44-138d3ef5d965' }],
    ['what about Visio?', { kind: 'product', query: 'visio' }],
    ['can I assign 20 E3?', { kind: 'can-assign', quantity: 20, query: 'e3' }],
    ['Can we assign 1,500 m365 e3 licenses to new users', { kind: 'can-assign', quantity: 1500, query: 'm365 e3' }],
    ['alerts', { kind: 'alerts' }],
    ['watch here', { kind: 'watch' }],
    ['unwatch', { kind: 'unwatch' }],
    ['alert E3 below 10', { kind: 'set-threshold', query: 'e3', threshold: { kind: 'absolute', value: 10 } }],
    ['alert power bi pro below 5%', { kind: 'set-threshold', query: 'power bi pro', threshold: { kind: 'percent', value: 5 } }],
    ['alert m365 e3 below 2.5 %', { kind: 'set-threshold', query: 'm365 e3', threshold: { kind: 'percent', value: 2.5 } }],
    ['mute Visio', { kind: 'mute', query: 'visio' }],
    ['unmute visio plan 2', { kind: 'unmute', query: 'visio plan 2' }],
    ['reservations', { kind: 'reservations' }],
    ['reclaim', { kind: 'reclaim', query: null }],
    ['Reclaim E3', { kind: 'reclaim', query: 'e3' }],
    ['reclaim m365 e3 seats', { kind: 'reclaim', query: 'm365 e3' }],
    ['unused', { kind: 'reclaim', query: null }],
    ['unused e3', { kind: 'reclaim', query: 'e3' }],
    ['Unused licenses?', { kind: 'reclaim', query: null }],
    ['reclaimable', { kind: 'reclaim', query: null }],
    ['who can give back E3?', { kind: 'reclaim', query: 'e3' }],
    ['Who could give back Power BI Pro licenses?', { kind: 'reclaim', query: 'power bi pro' }],
    ['who can give E5 back?', { kind: 'reclaim', query: 'e5' }],
    ['who can give back licenses?', { kind: 'reclaim', query: null }],
    ['what can we reclaim?', { kind: 'reclaim', query: null }],
    ['how many unused E3 seats?', { kind: 'product', query: 'e3' }],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}" as ${expected.kind}`, () => {
      assert.deepEqual(parseCommand(text), expected);
    });
  }

  const invalid: [string, RegExp][] = [
    ['can I assign 0 E3?', /whole number from 1 to 100,000/],
    ['can I assign 100001 E3?', /whole number/],
    ['can I assign lots E3?', /not a number of seats/],
    ['alert E3 below 0', /not a threshold/],
    ['alert E3 below 0%', /more than 0%/],
    ['alert E3 below 150%', /at most 100%/],
    ['alert E3 below -3', /not a threshold/],
    ['alert below 10', /alert <product> below <n>/],
    ['mute', /Say which product to mute/],
    ['alert E3 soon', /alert <product> below <n>/],
  ];
  for (const [text, message] of invalid) {
    it(`explains what is wrong with "${text}"`, () => {
      const command = parseCommand(text);
      assert.equal(command.kind, 'invalid');
      assert.match(command.kind === 'invalid' ? command.message : '', message);
    });
  }

  it('reads a reclaim question of hostile length in linear time', () => {
    const started = process.hrtime.bigint();
    const answers = [
      parseCommand(`reclaim ${'e3 '.repeat(20_000)}`),
      parseCommand(`who can give back ${'back '.repeat(20_000)}x`),
      parseCommand(`who can give ${' back'.repeat(20_000)}`),
      parseCommand(`unused${'?'.repeat(50_000)}`),
    ];
    const took = Number(process.hrtime.bigint() - started) / 1e6;

    assert.deepEqual(answers.map((answer) => answer.kind), ['reclaim', 'reclaim', 'reclaim', 'reclaim']);
    assert.ok(took < 500, `parsing took ${took} ms`);
  });
});
