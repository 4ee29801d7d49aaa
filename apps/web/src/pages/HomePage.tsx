import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SECTIONS } from '../app/navigation';
import { WithApollo } from '../app/WithApollo';
import { PageHeading } from '../components/PageHeading';

const SuggestionsForViewer = lazy(() => import('../features/groups/components/SuggestionsForViewer'));

export function HomePage() {
  const { t } = useTranslation();
  return (
    <Stack maw={960} gap="lg">
      <div>
        <PageHeading>{t('home.title')}</PageHeading>
        <Text size="lg" mb="sm">
          {t('home.intro1')}
        </Text>
        <Text size="lg">{t('home.intro2')}</Text>
      </div>
      <WithApollo>
        <SuggestionsForViewer />
      </WithApollo>
      <section aria-labelledby="sections-title">
        <Title order={2} id="sections-title" size="h3" mb="sm">
          {t('home.sectionsTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {SECTIONS.map((s) => (
            <Card key={s.key} withBorder padding="md">
              <Title order={3} size="h4" mb={4}>
                <Anchor component={Link} to={s.path}>
                  {t(`nav.${s.key}`)}
                </Anchor>
              </Title>
              <Text size="sm">{t(`sections.${s.key}`)}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
