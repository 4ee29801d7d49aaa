import { Box, Button, Group, Paper, ScrollArea, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ChatMessagePayload } from '@verbund/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/useFormat';
import { HideMessageForm } from './HideMessageForm';

interface Props {
  roundId: string;
  messages: Pick<ChatMessagePayload, 'id' | 'authorName' | 'html' | 'createdAt' | 'hidden'>[];
  pending?: { clientId: string; body: string }[];
  onSend?: (body: string) => void;
  canModerate?: boolean;
  error?: string | null;
}

/** The room's chat: messages in the server's order; writing when the person takes part; moderators hide. */
export function RoomChat({ roundId, messages, pending = [], onSend, canModerate, error }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState('');
  const [hiding, setHiding] = useState<string | null>(null);
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [messages.length, pending.length]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="room-chat">
      <Title order={2} size="h4" id="room-chat" mb="xs">
        {t('room.chat')}
      </Title>
      <ScrollArea.Autosize mah={420}>
        <Stack gap={6} role="log" aria-live="polite" aria-label={t('room.chatLog')}>
          {messages.length === 0 && pending.length === 0 && <Text c="gray.7">{t('room.noMessages')}</Text>}
          {messages.map((m) => (
            <Box key={m.id}>
              <Group gap={6} wrap="nowrap" align="baseline">
                <Text size="sm" fw={600}>
                  {m.authorName || t('room.formerMember')}
                </Text>
                <Text size="xs" c="gray.7">
                  <time dateTime={m.createdAt}>{format.berlinTime(m.createdAt)}</time>
                </Text>
                {/* Mantine draws subtle text at shade 6 at most, 3.3:1 on white: the text colour is set here. */}
                {canModerate && !m.hidden && onSend && hiding !== m.id && (
                  <Button size="compact-xs" variant="subtle" color="red" c="red.9" onClick={() => setHiding(m.id)}>
                    {t('room.hide')}
                  </Button>
                )}
              </Group>
              {m.hidden ? (
                <Text size="sm" c="gray.7" fs="italic">
                  {t('room.hidden')}
                </Text>
              ) : (
                <div dangerouslySetInnerHTML={{ __html: m.html }} />
              )}
              {hiding === m.id && !m.hidden && (
                <HideMessageForm roundId={roundId} messageId={m.id} authorName={m.authorName || t('room.formerMember')} onDone={() => setHiding(null)} />
              )}
            </Box>
          ))}
          {pending.map((p) => (
            <Text key={p.clientId} size="sm" c="gray.7">
              {p.body} · {t('room.sending')}
            </Text>
          ))}
          <div ref={end} />
        </Stack>
      </ScrollArea.Autosize>
      {onSend && (
        <Stack
          component="form"
          gap="xs"
          mt="sm"
          onSubmit={(e) => {
            e.preventDefault();
            if (!draft.trim()) return;
            onSend(draft);
            setDraft('');
          }}
        >
          <Textarea
            label={t('room.message')}
            description={t('room.markdown')}
            autosize
            minRows={2}
            maxLength={2000}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
          {error && (
            <Text size="sm" c="red.9" role="alert">
              {error}
            </Text>
          )}
          <Button type="submit" w="fit-content">
            {t('room.send')}
          </Button>
        </Stack>
      )}
    </Paper>
  );
}
