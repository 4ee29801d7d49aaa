import { useMutation, useQuery } from '@apollo/client/react';
import { Button, FileInput, MultiSelect, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { MATERIAL_KINDS, MATERIAL_LANGUAGES, MATERIAL_LICENCES } from '@verbund/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { TopicSelect } from '../../../components/TopicSelect';
import {
  CreateMaterialDocument,
  GroupsDocument,
  type MaterialKind,
  type MaterialLicence,
  type MaterialVisibility,
  MyMembershipsDocument,
  type Topic,
} from '../../../gql/graphql';
import { uploadFile } from '../upload';
import { useUploadLimitMb } from '../useUploadLimit';
import { forgetLists } from '../../../app/forgetLists';

const VISIBILITIES: MaterialVisibility[] = ['MEMBERS', 'GROUP', 'ORGANIZATION'];

/** Publish a file or a Markdown text: the file is uploaded first, then the material is created with its id. */
export function MaterialForm({ groupId }: { groupId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const memberships = useQuery(MyMembershipsDocument);
  const groups = useQuery(GroupsDocument, { variables: { filter: { mine: true }, first: 100, offset: 0 } });
  const organizations = (memberships.data?.myMemberships ?? [])
    .filter((m) => m.status === 'CONFIRMED')
    .map((m) => ({ value: m.organization.id, label: m.organization.name }));
  const myGroups = (groups.data?.groups.nodes ?? []).filter((g) => g.viewerStatus === 'ACTIVE').map((g) => ({ value: g.id, label: g.name }));
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [topics, setTopics] = useState<Topic[]>([]);
  const [kind, setKind] = useState<MaterialKind>('LEITFADEN');
  const [languages, setLanguages] = useState<string[]>(['de']);
  const [licence, setLicence] = useState<MaterialLicence>('CC_BY_4_0');
  const [visibility, setVisibility] = useState<MaterialVisibility>(groupId ? 'GROUP' : 'MEMBERS');
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [group, setGroup] = useState<string | null>(groupId ?? null);
  const [format, setFormat] = useState<'FILE' | 'MARKDOWN'>('FILE');
  const [file, setFile] = useState<File | null>(null);
  const [markdown, setMarkdown] = useState('');
  const [uploadError, setUploadError] = useState<unknown>();
  const [uploading, setUploading] = useState(false);
  const [create, { loading, error }] = useMutation(CreateMaterialDocument, { update: forgetLists('materials') });
  const organization = organizationId ?? organizations[0]?.value ?? null;
  const uploadLimit = useUploadLimitMb();

  const submit = async () => {
    setUploadError(undefined);
    let uploadId: string | null = null;
    if (format === 'FILE' && file) {
      setUploading(true);
      try {
        uploadId = (await uploadFile(file)).id;
      } catch (e) {
        setUploadError(e);
        return;
      } finally {
        setUploading(false);
      }
    }
    const res = await create({
      variables: {
        input: {
          title,
          summary,
          topics,
          kind,
          languages,
          licence,
          visibility,
          organizationId: organization ?? '',
          groupId: group,
          uploadId,
          markdown: format === 'MARKDOWN' ? markdown : null,
        },
      },
    });
    if (res.data) void navigate(`/materialien/${res.data.createMaterial.id}`);
  };

  return (
    <Stack
      component="form"
      gap="sm"
      aria-label={t('materials.publish')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit().catch(() => undefined);
      }}
    >
      <TextInput label={t('materials.titleLabel')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <Textarea label={t('materials.summary')} autosize minRows={2} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
      <TopicSelect label={t('materials.topicsLabel')} required value={topics} onChange={setTopics} />
      <Select
        label={t('materials.kindLabel')}
        data={MATERIAL_KINDS.map((k) => ({ value: k, label: t(`materials.kind.${k}`) }))}
        value={kind}
        onChange={(v) => v && setKind(v as MaterialKind)}
        allowDeselect={false}
      />
      <MultiSelect
        label={t('materials.languages')}
        required
        data={MATERIAL_LANGUAGES.map((l) => ({ value: l, label: t(`materials.language.${l}`) }))}
        value={languages}
        onChange={setLanguages}
        searchable
      />
      <Select
        label={t('materials.licenceLabel')}
        data={MATERIAL_LICENCES.map((l) => ({ value: l, label: t(`materials.licence.${l}`) }))}
        value={licence}
        onChange={(v) => v && setLicence(v as MaterialLicence)}
        allowDeselect={false}
      />
      <Select label={t('materials.organization')} required data={organizations} value={organization} onChange={setOrganizationId} allowDeselect={false} />
      <Select
        label={t('materials.visibilityLabel')}
        data={VISIBILITIES.map((v) => ({ value: v, label: t(`materials.visibility.${v}`) }))}
        value={visibility}
        onChange={(v) => v && setVisibility(v as MaterialVisibility)}
        allowDeselect={false}
      />
      {(visibility === 'GROUP' || group) && (
        <Select label={t('materials.group')} data={myGroups} value={group} onChange={setGroup} clearable={visibility !== 'GROUP'} />
      )}
      <SegmentedControl
        aria-label={t('materials.content')}
        value={format}
        onChange={(v) => setFormat(v as 'FILE' | 'MARKDOWN')}
        data={[
          { value: 'FILE', label: t('materials.file') },
          { value: 'MARKDOWN', label: t('materials.markdown') },
        ]}
      />
      {format === 'FILE' ? (
        <FileInput
          label={t('materials.fileLabel', { mb: uploadLimit })}
          required
          value={file}
          onChange={setFile}
          accept=".pdf,.docx,.xlsx,.pptx,.odt,.png,.jpg,.jpeg"
        />
      ) : (
        <Textarea label={t('materials.markdown')} required autosize minRows={8} value={markdown} onChange={(e) => setMarkdown(e.currentTarget.value)} />
      )}
      <FormAlert error={uploadError ?? error} />
      <Button type="submit" loading={uploading || loading}>
        {uploading ? t('materials.uploading') : t('materials.publishSubmit')}
      </Button>
    </Stack>
  );
}
