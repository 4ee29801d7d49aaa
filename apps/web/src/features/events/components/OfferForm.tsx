import { useMutation, useQuery } from '@apollo/client/react';
import { Button, MultiSelect, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { TopicSelect } from '../../../components/TopicSelect';
import { CreateOfferDocument, MyMembershipsDocument, type OfferKind, OffersDocument, type OpenTo, type Topic } from '../../../gql/graphql';
import { LANGUAGES, OFFER_KINDS, OPEN_TO } from '../choices';

const keys = (value: string) => value.split(/[,;\s]+/).filter(Boolean);

/** A new standing offer of one of the person's organisations, possibly shared with other municipalities. */
export function OfferForm({ onDone }: { onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const memberships = useQuery(MyMembershipsDocument);
  const [create, { loading, error }] = useMutation(CreateOfferDocument, { refetchQueries: [OffersDocument] });
  const [provider, setProvider] = useState<string | null>(null);
  const [kind, setKind] = useState<string>('MIGRATIONSBERATUNG');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [topics, setTopics] = useState<Topic[]>([]);
  const [partners, setPartners] = useState('');
  const [openTo, setOpenTo] = useState<string>('OWN');
  const [landCode, setLandCode] = useState('');
  const [alsoFor, setAlsoFor] = useState('');
  const [languages, setLanguages] = useState<string[]>(['de']);
  const [contact, setContact] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [hours, setHours] = useState('');
  const [address, setAddress] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const organizations = (memberships.data?.myMemberships ?? []).filter((m) => m.status === 'CONFIRMED');
  return (
    <Stack
      component="form"
      aria-labelledby="new-offer"
      maw={680}
      onSubmit={(e) => {
        e.preventDefault();
        void create({
          variables: {
            input: {
              providerOrganizationId: provider ?? '',
              kind: kind as OfferKind,
              title,
              description,
              topics,
              partnerAgs: keys(partners),
              openTo: openTo as OpenTo,
              openLandCode: openTo === 'LAND' ? landCode : null,
              alsoForAgs: keys(alsoFor),
              languages,
              contact,
              email: email || null,
              phone: phone || null,
              openingHours: hours,
              address,
              validUntil: validUntil || null,
            },
          },
        })
          .then((r) => r.data && onDone(r.data.createOffer.id))
          .catch(() => undefined);
      }}
    >
      <Title order={2} size="h3" id="new-offer">
        {t('offers.new')}
      </Title>
      <Select
        label={t('offers.form.provider')}
        required
        data={organizations.map((m) => ({ value: m.organization.id, label: m.organization.name }))}
        value={provider}
        onChange={setProvider}
      />
      <Select
        label={t('offers.form.kind')}
        required
        allowDeselect={false}
        data={OFFER_KINDS.map((k) => ({ value: k, label: t(`offers.kinds.${k}`) }))}
        value={kind}
        onChange={(v) => setKind(v ?? 'MIGRATIONSBERATUNG')}
      />
      <TextInput label={t('events.form.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <Textarea label={t('events.form.description')} autosize minRows={3} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
      <TopicSelect label={t('events.form.topics')} required value={topics} onChange={setTopics} />
      <TextInput
        label={t('offers.form.partners')}
        description={t('offers.form.keysHint')}
        value={partners}
        onChange={(e) => setPartners(e.currentTarget.value)}
      />
      <Select
        label={t('offers.form.openTo')}
        required
        allowDeselect={false}
        data={OPEN_TO.map((o) => ({ value: o, label: t(`events.openTo.choice.${o}`) }))}
        value={openTo}
        onChange={(v) => setOpenTo(v ?? 'OWN')}
      />
      {openTo === 'LAND' && <TextInput label={t('rounds.form.landCode')} value={landCode} onChange={(e) => setLandCode(e.currentTarget.value)} />}
      <TextInput label={t('offers.form.alsoFor')} description={t('offers.form.keysHint')} value={alsoFor} onChange={(e) => setAlsoFor(e.currentTarget.value)} />
      <MultiSelect
        label={t('events.form.languages')}
        data={LANGUAGES.map((l) => ({ value: l, label: t(`langs.${l}`) }))}
        value={languages}
        onChange={setLanguages}
        searchable
      />
      <TextInput label={t('offers.form.contact')} required value={contact} onChange={(e) => setContact(e.currentTarget.value)} />
      <TextInput label={t('offers.form.email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
      <TextInput label={t('offers.form.phone')} type="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} />
      <TextInput label={t('offers.form.hours')} value={hours} onChange={(e) => setHours(e.currentTarget.value)} />
      <TextInput label={t('events.form.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} />
      <TextInput label={t('offers.form.validUntil')} type="date" value={validUntil} onChange={(e) => setValidUntil(e.currentTarget.value)} />
      <FormAlert error={error} />
      <Button type="submit" loading={loading} w="fit-content">
        {t('offers.form.submit')}
      </Button>
    </Stack>
  );
}
