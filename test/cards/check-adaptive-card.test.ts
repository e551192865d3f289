import assert from 'node:assert/strict';
import { checkAdaptiveCard } from './support/check-adaptive-card';

function card(body: unknown[]): unknown {
  return { type: 'AdaptiveCard', version: '1.5', body };
}

// The card tests lean on this checker; these show it is not vacuous.
describe('checkAdaptiveCard', () => {
  it('accepts a sound card', () => {
    assert.deepEqual(checkAdaptiveCard(card([{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'x', color: 'attention' }] }])), []);
  });

  it('reports an element type the library does not know', () => {
    assert.equal(checkAdaptiveCard(card([{ type: 'Banner', text: 'x' }])).length > 0, true);
  });

  it('reports an invalid colour', () => {
    const problems = checkAdaptiveCard(card([{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'x', color: 'purple' }] }]));

    assert.ok(problems.some((problem) => problem.includes('purple')), problems.join('\n'));
  });

  it('reports a property no element has', () => {
    const problems = checkAdaptiveCard(card([{ type: 'TextBlock', text: 'x', horizontalAlign: 'right' }]));

    assert.ok(problems.some((problem) => problem.includes('horizontalAlign')), problems.join('\n'));
  });

  it('reports a version other than 1.5', () => {
    assert.ok(checkAdaptiveCard({ type: 'AdaptiveCard', version: '1.6', body: [] }).includes('version is not 1.5'));
  });
});
