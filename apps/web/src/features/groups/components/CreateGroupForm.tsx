import { useMutation, useQuery } from '@apollo/client/react';
import { Button, MultiSelect, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { TopicSelect } from '../../../components/TopicSelect';
import { CreateGroupDocument, type GroupAccess, type GroupRegionKind, LaenderDocument, type Topic } from '../../../gql/graphql';
import { KreisSelect } from './KreisSelect';
import { forgetLists } from '../../../app/forgetLists';

const ACCESS: GroupAccess[] = ['OPEN', 'ON_REQUEST', 'CLOSED'];
const REGIONS: GroupRegionKind[] = ['KREIS', 'LAND', 'LAENDER', 'BUNDESWEIT'];

export function CreateGroupForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const laender = useQuery(LaenderDocument);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [topics, setTopics] = useState<Topic[]>([]);
  const [access, setAccess] = useState<GroupAccess>('OPEN');
  const [regionKind, setRegionKind] = useState<GroupRegionKind>('KREIS');
  const [kreisAgs, setKreisAgs] = useState<string | null>(null);
  const [landCodes, setLandCodes] = useState<string[]>([]);
  const [create, { loading, error }] = useMutation(CreateGroupDocument, { update: forgetLists('groups') });
  const landOptions = (laender.data?.laender ?? []).map((l) => ({ value: l.landCode, label: l.name }));

  return (
    <Stack
      component="form"
      gap="sm"
      aria-label={t('groups.create')}
      onSubmit={(e) => {
        e.preventDefault();
        const region = {
          kind: regionKind,
          kreisAgs: regionKind === 'KREIS' ? kreisAgs : null,
          landCodes: regionKind === 'LAND' || regionKind === 'LAENDER' ? landCodes : null,
        };
        void create({ variables: { input: { name, description, topics, access, region } } })
          .then((res) => res.data && navigate(`/arbeitsgruppen/${res.data.createGroup.id}`))
          .catch(() => undefined);
      }}
    >
      <TextInput label={t('groups.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
      <Textarea label={t('groups.description')} autosize minRows={3} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
      <TopicSelect label={t('groups.topicsLabel')} required value={topics} onChange={setTopics} />
      <Radio.Group label={t('groups.accessLabel')} value={access} onChange={(v) => setAccess(v as GroupAccess)}>
        <Stack gap={6} mt={4}>
          {ACCESS.map((a) => (
            <Radio key={a} value={a} label={t(`groups.access.${a}`)} description={t(`groups.accessHelp.${a}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <Select
        label={t('groups.regionLabel')}
        data={REGIONS.map((r) => ({ value: r, label: t(`groups.region.${r}`) }))}
        value={regionKind}
        onChange={(v) => v && setRegionKind(v as GroupRegionKind)}
        allowDeselect={false}
      />
      {regionKind === 'KREIS' && <KreisSelect value={kreisAgs} onChange={setKreisAgs} />}
      {regionKind === 'LAND' && (
        <Select label={t('groups.laender')} data={landOptions} value={landCodes[0] ?? null} onChange={(v) => setLandCodes(v ? [v] : [])} />
      )}
      {regionKind === 'LAENDER' && <MultiSelect label={t('groups.laender')} data={landOptions} value={landCodes} onChange={setLandCodes} />}
      <FormAlert error={error} />
      <Text size="sm" c="gray.7">
        {t(`groups.accessHelp.${access}`)}
      </Text>
      <Button type="submit" loading={loading}>
        {t('groups.createSubmit')}
      </Button>
    </Stack>
  );
}
