import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Radio, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { TopicSelect } from '../../../components/TopicSelect';
import { CreateConceptDocument, GroupsDocument, MyMembershipsDocument, type Topic } from '../../../gql/graphql';
import { forgetLists } from '../../../app/forgetLists';

/** Owner: one of the person's working groups (drafted jointly) or organisations. */
export function CreateConceptForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const groups = useQuery(GroupsDocument, { variables: { filter: { mine: true }, first: 100, offset: 0 } });
  const memberships = useQuery(MyMembershipsDocument);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [topics, setTopics] = useState<Topic[]>([]);
  const [owner, setOwner] = useState<string | null>(null);
  const [outline, setOutline] = useState<'STANDARD' | 'EMPTY'>('STANDARD');
  const [create, { loading, error }] = useMutation(CreateConceptDocument, { update: forgetLists('concepts') });
  const owners = [
    ...(groups.data?.groups.nodes ?? [])
      .filter((g) => g.viewerStatus === 'ACTIVE')
      .map((g) => ({ value: `group:${g.id}`, label: `${t('concepts.ownerGroup')}: ${g.name}` })),
    ...(memberships.data?.myMemberships ?? [])
      .filter((m) => m.status === 'CONFIRMED')
      .map((m) => ({ value: `organization:${m.organization.id}`, label: m.organization.name })),
  ];
  return (
    <Stack
      component="form"
      aria-labelledby="new-concept"
      maw={640}
      onSubmit={(e) => {
        e.preventDefault();
        const [kind, id] = (owner ?? ':').split(':');
        void create({
          variables: {
            input: {
              title,
              summary,
              topics,
              outline,
              ...(kind === 'group' ? { groupId: id } : {}),
              ...(kind === 'organization' ? { organizationId: id } : {}),
            },
          },
        })
          .then((res) => res.data && navigate(`/konzepte/${res.data.createConcept.id}`))
          .catch(() => undefined);
      }}
    >
      <Title order={2} size="h3" id="new-concept">
        {t('concepts.new')}
      </Title>
      <TextInput label={t('concepts.titleLabel')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <Textarea label={t('concepts.summary')} autosize minRows={2} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
      <TopicSelect label={t('concepts.topics')} required value={topics} onChange={setTopics} />
      <Select label={t('concepts.owner')} description={t('concepts.ownerHint')} required data={owners} value={owner} onChange={setOwner} />
      <Radio.Group label={t('concepts.outline')} value={outline} onChange={(v) => setOutline(v as 'STANDARD' | 'EMPTY')}>
        <Stack gap={6} mt={6}>
          <Radio value="STANDARD" label={t('concepts.outlineStandard')} />
          <Radio value="EMPTY" label={t('concepts.outlineEmpty')} />
        </Stack>
      </Radio.Group>
      <FormAlert error={error} />
      <Button type="submit" loading={loading} w="fit-content">
        {t('concepts.create')}
      </Button>
    </Stack>
  );
}
