import { Box, Button, Group, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES } from '../i18n/i18n';

const LABELS = { de: 'Deutsch', en: 'English' } as const;

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((lng) => (
        <Button
          key={lng}
          size="compact-xs"
          variant={i18n.language === lng ? 'filled' : 'subtle'}
          aria-pressed={i18n.language === lng}
          lang={lng}
          onClick={() => {
            void changeLanguage(lng);
            void import('./rememberLanguage').then((m) => m.rememberLanguage(lng)).catch(() => undefined);
          }}
        >
          {/* A phone's header shows the short form; its name starts with what is seen (WCAG 2.5.3) and says the rest. */}
          <Box component="span" visibleFrom="xs">
            {LABELS[lng]}
          </Box>
          <Box component="span" hiddenFrom="xs">
            {lng.toUpperCase()}
            <VisuallyHidden> {LABELS[lng]}</VisuallyHidden>
          </Box>
        </Button>
      ))}
    </Group>
  );
}
