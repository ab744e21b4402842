import {
  Badge,
  Button,
  NavLink,
  Notification,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';
import { t } from './i18n';

const systemFont = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

// Light, outline and subtle variants take their text from a darkened darkest shade,
// so badges and buttons keep WCAG AA contrast (checked by axe in the e2e suite).
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (parsed.isThemeColor && ['light', 'outline', 'subtle'].includes(input.variant)) {
    // Orange and yellow stay below 4.5:1 even at shade 9 on their tinted background.
    const text = darken(input.theme.colors[parsed.color][9], 0.4);
    return { ...colors, color: text, border: input.variant === 'outline' ? `1px solid ${text}` : colors.border };
  }
  return colors;
};

// System fonts only: nothing is loaded from the network. Shade 8 for filled
// colours: white text on shade 6 is below 4.5:1.
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  defaultRadius: 'md',
  fontFamily: systemFont,
  headings: { fontFamily: systemFont },
  variantColorResolver,
  components: {
    // The active item in white on the primary colour, not primary on a tint.
    NavLink: NavLink.extend({ defaultProps: { variant: 'filled' } }),
    // A badge or button is never narrower than its text (Mantine lets a squeezed one end in "…", as
    // "NIET MEER A…" in a table cell): the layout around it wraps or reflows instead.
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content', flexShrink: 0 } } }),
    Button: Button.extend({ styles: { root: { minWidth: 'max-content' } } }),
    // Screen readers name the close button of every notification.
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': t.app.close } } }),
  },
});

/** "Dimmed" text dark enough for AA contrast on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
