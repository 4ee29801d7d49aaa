import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { FormAlert } from '../components/FormAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeading } from '../components/PageHeading';
import { useFormat } from '../components/useFormat';
import { useViewer } from '../features/accounts/useViewer';
import { OfferCard } from '../features/events/components/OfferCard';
import { ArchiveOfferDocument, OfferDocument, OffersDocument } from '../gql/graphql';

/** One standing offer; its providers archive it when it no longer runs. */
export function OfferPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { viewer, loading: viewerLoading } = useViewer();
  const { data, loading, error, refetch } = useQuery(OfferDocument, { variables: { id }, skip: !viewer });
  const [archive, archiving] = useMutation(ArchiveOfferDocument, { refetchQueries: [OffersDocument] });
  if (viewerLoading || (loading && !data)) return <LoadingState />;
  if (!viewer) return <Navigate to={`/anmelden?weiter=${encodeURIComponent(`/angebote/${id}`)}`} replace />;
  if (error || !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const offer = data.offer;
  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/veranstaltungen?art=angebote" size="sm">
        {t('offers.back')}
      </Anchor>
      <PageHeading>{offer.title}</PageHeading>
      <OfferCard offer={offer} />
      {offer.description && <Text style={{ whiteSpace: 'pre-line' }}>{offer.description}</Text>}
      {offer.validUntil && <Text size="sm">{t('offers.validUntil', { date: format.date(offer.validUntil) })}</Text>}
      {offer.canEdit && !offer.archived && (
        <Button
          variant="default"
          w="fit-content"
          loading={archiving.loading}
          onClick={() => void archive({ variables: { id: offer.id } }).catch(() => undefined)}
        >
          {t('offers.archive')}
        </Button>
      )}
      <FormAlert error={archiving.error} />
    </Stack>
  );
}
