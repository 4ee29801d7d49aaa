import { Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { PageHeading } from '../../../components/PageHeading';

export interface AuthFormProps {
  title: string;
  intro?: string;
  submit: string;
  busy: boolean;
  error?: unknown;
  success?: string;
  onSubmit: () => void;
  children?: ReactNode;
  links?: { to: string; label: string; prefix?: string }[];
}

/** The shape every account form shares: heading, fields, one announced message, one button, links. */
export function AuthForm({ title, intro, submit, busy, error, success, onSubmit, children, links = [] }: AuthFormProps) {
  return (
    <Stack maw={480}>
      <PageHeading>{title}</PageHeading>
      {intro && <Text>{intro}</Text>}
      <Paper
        withBorder
        p="md"
        component="form"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack>
          {children}
          <FormAlert error={error} success={success} />
          <Button type="submit" loading={busy}>
            {submit}
          </Button>
        </Stack>
      </Paper>
      {links.map((l) => (
        <Text key={l.to} size="sm">
          {l.prefix ? `${l.prefix} ` : ''}
          <Anchor component={Link} to={l.to}>
            {l.label}
          </Anchor>
        </Text>
      ))}
    </Stack>
  );
}
