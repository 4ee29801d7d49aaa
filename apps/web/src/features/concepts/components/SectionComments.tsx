import { useMutation } from '@apollo/client/react';
import { Button, Group, Paper, Stack, Text, Textarea, Typography } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { useFormat } from '../../../components/useFormat';
import { AddConceptCommentDocument, type ConceptCommentFieldsFragment, ConceptCommentsDocument, ResolveConceptCommentDocument } from '../../../gql/graphql';

/** A section's comments for its drafters: open ones first, resolved ones marked; a linked comment opens and takes focus. */
export function SectionComments({
  conceptId,
  sectionId,
  sectionTitle,
  comments,
}: {
  conceptId: string;
  sectionId: string;
  sectionTitle: string;
  comments: ConceptCommentFieldsFragment[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { hash } = useLocation();
  const linked = comments.some((c) => hash === `#kommentar-${c.id}`);
  const [open, setOpen] = useState(linked);
  const [body, setBody] = useState('');
  const refetchQueries = [ConceptCommentsDocument];
  const [add, adding] = useMutation(AddConceptCommentDocument, { refetchQueries });
  const [resolve, resolving] = useMutation(ResolveConceptCommentDocument, { refetchQueries });
  useEffect(() => {
    if (!linked) return;
    setOpen(true);
    requestAnimationFrame(() => document.getElementById(hash.slice(1))?.focus());
  }, [linked, hash]);
  const unresolved = comments.filter((c) => !c.resolvedAt).length;
  const sorted = [...comments].sort((a, b) => Number(Boolean(a.resolvedAt)) - Number(Boolean(b.resolvedAt)));
  return (
    <Stack gap="xs">
      <Button variant="subtle" size="compact-sm" w="fit-content" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('concepts.comments', { count: comments.length, open: unresolved })}
      </Button>
      {open && (
        <Stack gap="xs">
          {sorted.map((c) => (
            <Paper key={c.id} id={`kommentar-${c.id}`} tabIndex={-1} withBorder p="sm" bg={c.resolvedAt ? 'gray.0' : undefined}>
              <Text size="sm" c="gray.7">
                {c.author.name} · {format.dateTime(c.createdAt)}
                {c.resolvedAt ? ` · ${t('concepts.resolvedBy', { name: c.resolvedBy?.name ?? '' })}` : ''}
              </Text>
              <Typography>
                <div dangerouslySetInnerHTML={{ __html: c.html }} />
              </Typography>
              <Button
                size="compact-xs"
                variant="subtle"
                loading={resolving.loading}
                onClick={() => void resolve({ variables: { input: { conceptId, commentId: c.id, resolved: !c.resolvedAt } } }).catch(() => undefined)}
              >
                {c.resolvedAt ? t('concepts.reopen') : t('concepts.resolve')}
              </Button>
            </Paper>
          ))}
          <Stack
            component="form"
            gap="xs"
            aria-label={t('concepts.commentOn', { title: sectionTitle })}
            onSubmit={(e) => {
              e.preventDefault();
              void add({ variables: { input: { conceptId, sectionId, body } } })
                .then(() => setBody(''))
                .catch(() => undefined);
            }}
          >
            <Textarea
              label={t('concepts.comment')}
              description={t('concepts.commentHint')}
              required
              autosize
              minRows={2}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <FormAlert error={adding.error ?? resolving.error} />
            <Group>
              <Button type="submit" size="compact-md" loading={adding.loading}>
                {t('concepts.commentSubmit')}
              </Button>
            </Group>
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}
