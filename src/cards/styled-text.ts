/** The Adaptive Card text colours Headroom uses. */
export type TextColor = 'default' | 'accent' | 'good' | 'warning' | 'attention';

/** A piece of text and the colour it is shown in; templates put `text` in a TextRun. */
export interface StyledText {
  text: string;
  color: TextColor;
}
