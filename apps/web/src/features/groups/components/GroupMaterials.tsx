import { useQuery } from '@apollo/client/react';
import { Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { appendPage } from '../../../components/appendPage';
import { LoadMore } from '../../../components/LoadMore';
import { MaterialCard } from '../../materials/components/MaterialCard';
import { MaterialsDocument } from '../../../gql/graphql';

/** A group's materials, the most recently changed first, a page at a time (the materials list filtered by the group). */
export function GroupMaterials({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const { data, fetchMore } = useQuery(MaterialsDocument, { variables: { filter: { groupId }, first: 30, offset: 0 } });
  const page = data?.materials;
  return (
    <Stack>
      <Anchor component={Link} to={`/materialien/neu?gruppe=${groupId}`}>
        {t('groups.addMaterial')}
      </Anchor>
      {page?.totalCount === 0 && <Text c="gray.7">{t('groups.noMaterials')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {page?.nodes.map(({ material }) => (
          <MaterialCard key={material.id} material={material} />
        ))}
      </SimpleGrid>
      {page && (
        <LoadMore
          shown={page.nodes.length}
          total={page.totalCount}
          onMore={() => fetchMore({ variables: { offset: page.nodes.length }, updateQuery: appendPage('materials') })}
        />
      )}
    </Stack>
  );
}
