const FONT_FAMILY = "'Segoe UI', 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif";

/** Teams' light-theme text colours, the same on plain and emphasis containers. */
const TEXT_COLORS = {
  default: { default: '#242424', subtle: '#616161' },
  dark: { default: '#242424', subtle: '#424242' },
  light: { default: '#FFFFFF', subtle: '#F5F5F5' },
  accent: { default: '#5B5FC7', subtle: '#4F52B2' },
  good: { default: '#0E700E', subtle: '#107C10' },
  warning: { default: '#835B00', subtle: '#8A6100' },
  attention: { default: '#C4314B', subtle: '#B10E1C' },
};

/**
 * An Adaptive Cards host config that approximates the Teams light theme: Segoe UI sizes and
 * weights, Teams' foreground colours, its emphasis/attention/good/warning container tints, tight
 * spacing and at most six actions in a row. Written for the rendering test; not Microsoft's file.
 */
const HOST_CONFIG = {
  fontFamily: FONT_FAMILY,
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  lineHeights: { small: 16, default: 20, medium: 20, large: 24, extraLarge: 32 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: TEXT_COLORS,
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: TEXT_COLORS,
    },
    accent: { backgroundColor: '#E8EBFA' },
    good: { backgroundColor: '#F1FAF1' },
    attention: { backgroundColor: '#FDF3F4' },
    warning: { backgroundColor: '#FFF9F5' },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    iconPlacement: 'leftOfTitle',
  },
  adaptiveCard: { allowCustomStyle: true },
  factSet: {
    title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 150 },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 8,
  },
  textBlock: { headingLevel: 2 },
};

/** Styles for what the host config cannot express: Teams-like buttons and the chat pane around a card. */
const CSS = `
  body { margin: 0; padding: 16px; background: #F5F5F5; font-family: ${FONT_FAMILY}; }
  #host { background: #FFFFFF; border-radius: 6px; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.14), 0 0 2px rgba(0, 0, 0, 0.12); overflow: hidden; }
  .ac-pushButton { font-family: inherit; font-size: 14px; font-weight: 600; color: #242424; background: #FFFFFF;
    border: 1px solid #D1D1D1; border-radius: 4px; padding: 5px 12px; min-height: 32px; cursor: pointer;
    overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .ac-pushButton.style-positive { background: #5B5FC7; border-color: #5B5FC7; color: #FFFFFF; }
  .ac-pushButton.style-destructive { color: #C4314B; border-color: #C4314B; }
  .ac-input { font-family: inherit; font-size: 14px; color: #242424; }
  .ac-input input, input.ac-input, .ac-input select, textarea.ac-input { font-family: inherit; font-size: 14px;
    border: 1px solid #D1D1D1; border-bottom-color: #616161; border-radius: 4px; padding: 5px 8px; box-sizing: border-box; }
`;

/** A Teams-like light theme for rendering cards in a plain page: the host config and the page's CSS. */
export const TEAMS_LIGHT_THEME = { hostConfig: HOST_CONFIG, css: CSS } as const;
