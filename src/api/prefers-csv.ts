/**
 * True when an Accept header asks for `text/csv` over JSON: CSV is listed with a quality above 0 and
 * ranks above `application/json` (by quality, then order). Absent or JSON-first headers get JSON.
 */
export function prefersCsv(accept: string | undefined): boolean {
  if (accept === undefined) {
    return false;
  }
  const ranked = accept
    .split(',')
    .map((part, index) => {
      const [type = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
      const q = params.find((param) => param.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { type, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0 && (entry.type === 'text/csv' || entry.type === 'application/json' || entry.type === 'application/*'))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked[0]?.type === 'text/csv';
}
