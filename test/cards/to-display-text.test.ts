import assert from 'node:assert/strict';
import { formatText } from 'adaptivecards/lib/text-formatters';
import { toDisplayText } from '../../src/cards/to-display-text';

describe('toDisplayText', () => {
  it('keeps Markdown and template syntax as they are', () => {
    const name = '*Interns* [x](https://example.com) ${name} `code` <b>';

    assert.equal(toDisplayText(name, 100), name);
  });

  it('puts a name with line breaks and tabs on one line', () => {
    assert.equal(toDisplayText('  Sales\r\n\tEMEA  ', 100), 'Sales EMEA');
  });

  it('cuts a long name to the limit, ending in an ellipsis, without splitting a character', () => {
    const cut = toDisplayText('😀'.repeat(50), 10);

    assert.equal(Array.from(cut).length, 10);
    assert.equal(cut, `${'😀'.repeat(9)}…`);
  });

  it('keeps the Adaptive Cards client from rewriting {{DATE(...)}} in a name, without a visible change', () => {
    const name = 'Joined {{DATE(2024-01-01T00:00:00Z, SHORT)}} at {{TIME(2024-01-01T10:00:00Z)}}';

    const shown = toDisplayText(name, 100);

    assert.notEqual(formatText('en', name), name);
    assert.equal(formatText('en', shown), shown);
    assert.equal(shown.replace(/\u2060/g, ''), name);
  });

  it('falls back when nothing is left', () => {
    assert.equal(toDisplayText(' \n ', 100, 'Direct assignment'), 'Direct assignment');
  });
});
