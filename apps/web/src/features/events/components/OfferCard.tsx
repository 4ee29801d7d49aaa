import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OfferFieldsFragment } from '../../../gql/graphql';
import { OpenToText } from './OpenToText';

/** One standing offer: what, by whom, for whose residents, how to reach it. */
export function OfferCard({ offer }: { offer: OfferFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`offer-${offer.id}`}>
      <Stack gap={6}>
        <Title order={3} size="h5" id={`offer-${offer.id}`}>
          <Anchor component={Link} to={`/angebote/${offer.id}`} inherit>
            {offer.title}
          </Anchor>
        </Title>
        <Group gap={6}>
          <Badge variant="light">{t(`offers.kinds.${offer.kind}`)}</Badge>
          {offer.archived && (
            <Badge color="gray" variant="light">
              {t('offers.archived')}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {t('offers.provider', { name: offer.provider.name })}
          {offer.partners.length > 0 && ` ${t('events.with', { names: offer.partners.map((p) => p.name).join(', ') })}`}
        </Text>
        <OpenToText
          openTo={offer.openTo}
          openLandCode={offer.openLandCode}
          home={offer.home}
          municipalities={offer.openToMunicipalities}
          alsoFor={offer.alsoFor}
        />
        {offer.openingHours && <Text size="sm">{t('offers.hours', { hours: offer.openingHours })}</Text>}
        {offer.address && <Text size="sm">{t('events.place', { address: offer.address })}</Text>}
        <Text size="sm">
          {offer.contact}
          {offer.email && (
            <>
              {' · '}
              <Anchor href={`mailto:${offer.email}`}>{offer.email}</Anchor>
            </>
          )}
          {offer.phone && ` · ${offer.phone}`}
        </Text>
        <Text size="sm" c="gray.7">
          {t('events.languages', { list: offer.languages.map((l) => t(`langs.${l}`, { defaultValue: l })).join(', ') })}
        </Text>
      </Stack>
    </Paper>
  );
}
