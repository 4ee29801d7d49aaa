import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/i18n';

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
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {LABELS[lng]}
        </Button>
      ))}
    </Group>
  );
}
