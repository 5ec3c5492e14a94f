import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A deep teal-blue, readable on both light and dark backgrounds.
const brand: MantineColorsTuple = [
  '#e6f6fb', '#d3e9f2', '#a9d1e4', '#7bb8d6', '#55a3ca', '#3d96c3', '#2d8fc1', '#1d7caa', '#0d6e99', '#005f87',
];

export const theme = createTheme({
  colors: { brand },
  primaryColor: 'brand',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Modal: { defaultProps: { centered: true, overlayProps: { backgroundOpacity: 0.45, blur: 2 } } },
    Paper: { defaultProps: { withBorder: true } },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
    Tooltip: { defaultProps: { withArrow: true } },
  },
});

/**
 * Placeholders are examples ("e.g. 0712 345 678", words under `examples` in the locale), so they are
 * drawn lighter than Mantine's default and cannot be mistaken for a value already filled in.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-placeholder': 'var(--mantine-color-gray-4)' },
  dark: { '--mantine-color-placeholder': 'var(--mantine-color-dark-4)' },
});
