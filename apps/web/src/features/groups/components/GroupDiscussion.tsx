import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Paper, Stack, Text, Textarea, TextInput, Title, Typography } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { useFormat } from '../../../components/useFormat';
import { appendPage } from '../../../components/appendPage';
import { LoadMore } from '../../../components/LoadMore';
import { GroupThreadsDocument, ReplyToThreadDocument, StartThreadDocument, ThreadDocument } from '../../../gql/graphql';

/** Post HTML is rendered and sanitised by the server (allow-list); it is inserted as given. */
function PostBody({ html }: { html: string }) {
  return (
    <Typography>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}

function ThreadView({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useQuery(ThreadDocument, { variables: { id } });
  const { hash } = useLocation();
  const [body, setBody] = useState('');
  // A link from a notification names the post: it is brought into view and focused.
  useEffect(() => {
    if (!data || !hash.startsWith('#beitrag-')) return;
    const post = document.getElementById(hash.slice(1));
    post?.scrollIntoView({ block: 'center' });
    post?.focus();
  }, [data, hash]);
  const [reply, { loading, error }] = useMutation(ReplyToThreadDocument, { refetchQueries: ['GroupThreads'] });
  if (!data) return null;
  return (
    <Stack>
      <Anchor component="button" type="button" onClick={onBack} ta="left">
        {t('groups.back')}
      </Anchor>
      <Title order={3} size="h4">
        {data.thread.title}
      </Title>
      {data.thread.posts.map((p) => (
        <Paper key={p.id} id={`beitrag-${p.id}`} tabIndex={-1} withBorder p="sm" bg={hash === `#beitrag-${p.id}` ? 'verbund.0' : undefined}>
          <Text size="sm" c="gray.7" mb={4}>
            {p.author.name} · {format.dateTime(p.createdAt)}
          </Text>
          <PostBody html={p.html} />
        </Paper>
      ))}
      <Stack
        component="form"
        gap="xs"
        aria-label={t('groups.reply')}
        onSubmit={(e) => {
          e.preventDefault();
          void reply({ variables: { input: { threadId: id, body } } })
            .then(() => setBody(''))
            .catch(() => undefined);
        }}
      >
        <Textarea label={t('groups.body')} autosize minRows={3} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
        <FormAlert error={error} />
        <Button type="submit" loading={loading}>
          {t('groups.replySubmit')}
        </Button>
      </Stack>
    </Stack>
  );
}

export function GroupDiscussion({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const open = params.get('diskussion');
  const setOpen = (id: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id) next.set('diskussion', id);
        else next.delete('diskussion');
        return next;
      },
      { preventScrollReset: true },
    );
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const threads = useQuery(GroupThreadsDocument, { variables: { groupId, offset: 0 } });
  const page = threads.data?.groupThreads;
  const [start, { loading, error }] = useMutation(StartThreadDocument, {
    refetchQueries: [{ query: GroupThreadsDocument, variables: { groupId, offset: 0 } }],
  });
  if (open) return <ThreadView id={open} onBack={() => setOpen(null)} />;
  return (
    <Stack>
      <FormAlert error={threads.error} />
      {page?.totalCount === 0 && <Text c="gray.7">{t('groups.noThreads')}</Text>}
      {page?.nodes.map((th) => (
        <Paper key={th.id} withBorder p="sm">
          <Anchor component="button" type="button" fw={500} onClick={() => setOpen(th.id)}>
            {th.title}
          </Anchor>
          <Text size="sm" c="gray.7">
            {th.author.name} · {t('groups.posts', { count: th.postCount })} · {format.dateTime(th.lastPostAt)}
          </Text>
        </Paper>
      ))}
      {page && (
        <LoadMore
          shown={page.nodes.length}
          total={page.totalCount}
          onMore={() => threads.fetchMore({ variables: { offset: page.nodes.length }, updateQuery: appendPage('groupThreads') })}
        />
      )}
      <Stack
        component="form"
        gap="xs"
        aria-label={t('groups.newThread')}
        onSubmit={(e) => {
          e.preventDefault();
          void start({ variables: { input: { groupId, title, body } } })
            .then((res) => {
              setTitle('');
              setBody('');
              if (res.data) setOpen(res.data.startThread.id);
            })
            .catch(() => undefined);
        }}
      >
        <Title order={3} size="h5">
          {t('groups.newThread')}
        </Title>
        <TextInput label={t('groups.threadTitle')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Textarea label={t('groups.body')} required autosize minRows={3} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
        <FormAlert error={error} />
        <Button type="submit" loading={loading}>
          {t('groups.startSubmit')}
        </Button>
      </Stack>
    </Stack>
  );
}
