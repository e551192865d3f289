import assert from 'node:assert/strict';
import { checkTextInValue } from '../../src/text/check-text-in-value';
import { findUnsafeCharacter } from '../../src/text/find-unsafe-character';
import { replaceUnsafeCharacters } from '../../src/text/replace-unsafe-characters';

describe('findUnsafeCharacter', () => {
  it('accepts tab, line feed, carriage return, emoji pairs and other valid text', () => {
    for (const text of ['', 'plain', 'a\tb\nc\r\nd', '👩🏽‍💻', 'e\u0301', 'שלום', '𠜎', '\u007f\u0085\u200b']) {
      assert.equal(findUnsafeCharacter(text), null, JSON.stringify(text));
    }
  });

  it('finds every other C0 control character, naming it and its index', () => {
    for (let code = 0; code < 0x20; code += 1) {
      const found = findUnsafeCharacter(`ab${String.fromCharCode(code)}`);
      if (code === 0x09 || code === 0x0a || code === 0x0d) {
        assert.equal(found, null);
      } else {
        assert.equal(found?.index, 2);
        assert.match(found?.description ?? '', /^U\+00[01][0-9A-F] \(a control character\)$/);
      }
    }
  });

  it('finds a lone high surrogate, a lone low surrogate and a reversed pair', () => {
    assert.deepEqual(findUnsafeCharacter('x\ud800'), { index: 1, description: 'U+D800 (a lone surrogate)' });
    assert.deepEqual(findUnsafeCharacter('\udc00x'), { index: 0, description: 'U+DC00 (a lone surrogate)' });
    assert.equal(findUnsafeCharacter('\udc00\ud800')?.index, 0);
    assert.equal(findUnsafeCharacter('😀\ud83d')?.index, 2);
  });

  it('starts looking at the given index', () => {
    assert.equal(findUnsafeCharacter('\u0000ok\u0001', 1)?.index, 3);
  });
});

describe('replaceUnsafeCharacters', () => {
  it('replaces each unsafe character with U+FFFD and keeps everything else', () => {
    assert.equal(replaceUnsafeCharacters('a\u0000b\ud800c😀\td\u001b'), 'a\ufffdb\ufffdc😀\td\ufffd');
  });

  it('returns valid text unchanged', () => {
    const text = 'how many E3 left? 👩🏽‍💻 e\u0301';
    assert.equal(replaceUnsafeCharacters(text), text);
  });

  it('handles a long run of unsafe characters', () => {
    assert.equal(replaceUnsafeCharacters('\u0000'.repeat(100_000)), '\ufffd'.repeat(100_000));
  });
});

describe('checkTextInValue', () => {
  it('names the path of the first unsafe string, in keys too', () => {
    assert.match(checkTextInValue({ a: [{ b: 'x\u0000' }] }, 'data') ?? '', /^"data\.a\.0\.b" contains U\+0000/);
    assert.match(checkTextInValue({ 'k\u0007': 1 }, 'data') ?? '', /^"data\.k." contains U\+0007/);
  });

  it('accepts numbers, booleans, null and valid strings', () => {
    assert.equal(checkTextInValue({ a: 1, b: true, c: null, d: ['ok', '😀'] }, 'data'), null);
  });

  it('refuses values nested too deep instead of walking them', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 20; i += 1) {
      deep = [deep];
    }
    assert.match(checkTextInValue(deep, 'data') ?? '', /nested more than 8 levels/);
  });
});
