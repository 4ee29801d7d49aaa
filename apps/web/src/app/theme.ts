import { Anchor, createTheme, type InputWrapperProps, type MantineThemeComponent } from '@mantine/core';

/** Calm and sober, as befits public administration; colours chosen for AA contrast on white. */
export const theme = createTheme({
  primaryColor: 'verbund',
  colors: {
    verbund: ['#eaf1f8', '#d3e1ef', '#a6c3df', '#76a3cf', '#4f88c1', '#3676b8', '#286bb4', '#1c5a9c', '#1c4f82', '#0e3e6e'],
  },
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  components: {
    // Links inside text must be recognisable without colour (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // Mantine's dimmed grey falls short of 4.5:1 on white (WCAG 1.4.3).
    // Written out instead of InputWrapper.extend(): importing the component would put the inputs into the first script.
    InputWrapper: { styles: { description: { color: 'var(--mantine-color-gray-7)' } } } satisfies MantineThemeComponent & {
      styles: InputWrapperProps['styles'];
    },
  },
});
