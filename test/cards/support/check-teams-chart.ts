/**
 * The `Chart.Line` element as Microsoft's "Charts in Adaptive Cards" page for Teams defines it
 * (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/charts-in-adaptive-cards):
 * `type` is required; `title`, `xAxisTitle`, `yAxisTitle`, `color`, `colorSet` are strings; `data` is an
 * array of series `{ legend, color, values: [{ x, y }] }` where `x` is a string or number and `y` a number;
 * `fallback` is an element or "drop". Colours come from the page's palette. Written from the doc tables,
 * so a typo or a shape Teams would not draw fails a test here rather than showing an empty chart.
 */
export const TEAMS_CHART_COLORS: readonly string[] = [
  'good', 'warning', 'attention', 'neutral',
  'categoricalRed', 'categoricalPurple', 'categoricalLavender', 'categoricalBlue', 'categoricalLightBlue',
  'categoricalTeal', 'categoricalGreen', 'categoricalLime', 'categoricalMarigold',
  'sequential1', 'sequential2', 'sequential3', 'sequential4', 'sequential5', 'sequential6', 'sequential7', 'sequential8',
  'divergingBlue', 'divergingLightBlue', 'divergingCyan', 'divergingTeal', 'divergingYellow', 'divergingPeach',
  'divergingLightRed', 'divergingRed', 'divergingMaroon', 'divergingGray',
];

/** The element types the doc lists as valid `fallback` values (besides "drop"). */
const FALLBACK_TYPES: readonly string[] = [
  'Container', 'ActionSet', 'ColumnSet', 'Media', 'RichTextBlock', 'Table', 'TextBlock', 'FactSet', 'ImageSet', 'Image',
  'Input.Text', 'Input.Date', 'Input.Time', 'Input.Number', 'Input.Toggle', 'Input.ChoiceSet', 'Input.Rating', 'Rating',
  'CompoundButton', 'Icon', 'Chart.Donut', 'Chart.Pie', 'Chart.VerticalBar.Grouped', 'Chart.VerticalBar',
  'Chart.HorizontalBar', 'Chart.HorizontalBar.Stacked', 'Chart.Line', 'Chart.Gauge', 'CodeBlock',
];

const LINE_PROPERTIES: readonly string[] = [
  'type', 'color', 'colorSet', 'data', 'fallback', 'grid.area', 'height', 'horizontalAlignment', 'id', 'isVisible', 'lang',
  'requires', 'separator', 'spacing', 'targetWidth', 'title', 'xAxisTitle', 'yAxisTitle',
];

const SERIES_PROPERTIES: readonly string[] = ['legend', 'color', 'values'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Problems with one `Chart.Line` element; empty when it matches the documented schema. */
export function checkTeamsLineChart(node: unknown, where = 'Chart.Line'): string[] {
  const problems: string[] = [];
  if (!isRecord(node) || node.type !== 'Chart.Line') {
    return [`${where}: not a Chart.Line element`];
  }
  for (const key of Object.keys(node)) {
    if (!LINE_PROPERTIES.includes(key)) {
      problems.push(`${where}: Chart.Line has no property ${key}`);
    }
  }
  for (const key of ['title', 'xAxisTitle', 'yAxisTitle', 'colorSet']) {
    if (key in node && typeof node[key] !== 'string') {
      problems.push(`${where}.${key}: expected a string`);
    }
  }
  if ('color' in node && !TEAMS_CHART_COLORS.includes(String(node.color))) {
    problems.push(`${where}.color: ${String(node.color)} is not a Teams chart colour`);
  }
  if (!Array.isArray(node.data) || node.data.length === 0) {
    problems.push(`${where}.data: expected a non-empty array of series`);
  } else {
    node.data.forEach((series, index) => problems.push(...checkSeries(series, `${where}.data[${index}]`)));
  }
  const fallback = node.fallback;
  if (fallback === undefined) {
    problems.push(`${where}: no fallback for clients without chart support`);
  } else if (fallback !== 'drop' && !(isRecord(fallback) && typeof fallback.type === 'string' && FALLBACK_TYPES.includes(fallback.type))) {
    problems.push(`${where}.fallback: expected "drop" or one of the documented element types`);
  }
  return problems;
}

function checkSeries(series: unknown, where: string): string[] {
  if (!isRecord(series)) {
    return [`${where}: expected a series object`];
  }
  const problems: string[] = [];
  for (const key of Object.keys(series)) {
    if (!SERIES_PROPERTIES.includes(key)) {
      problems.push(`${where}: a series has no property ${key}`);
    }
  }
  if (typeof series.legend !== 'string' || series.legend === '') {
    problems.push(`${where}.legend: expected a string`);
  }
  if ('color' in series && !TEAMS_CHART_COLORS.includes(String(series.color))) {
    problems.push(`${where}.color: ${String(series.color)} is not a Teams chart colour`);
  }
  if (!Array.isArray(series.values) || series.values.length === 0) {
    problems.push(`${where}.values: expected a non-empty array of { x, y }`);
    return problems;
  }
  series.values.forEach((point, index) => {
    const at = `${where}.values[${index}]`;
    if (!isRecord(point) || Object.keys(point).some((key) => key !== 'x' && key !== 'y')) {
      problems.push(`${at}: expected exactly { x, y }`);
      return;
    }
    if (typeof point.x !== 'string' && typeof point.x !== 'number') {
      problems.push(`${at}.x: expected a string or number`);
    }
    if (typeof point.y !== 'number' || !Number.isFinite(point.y)) {
      problems.push(`${at}.y: expected a finite number`);
    }
  });
  return problems;
}
