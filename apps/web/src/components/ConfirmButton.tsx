import { Button, type ButtonProps, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props extends Omit<ButtonProps, 'onClick' | 'color' | 'c'> {
  /** The button's label, also the dialog's heading unless `title` is given. */
  children: string;
  title?: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  /** `plain` for a step that gives rather than takes (making a colleague an admin): the app's own colour. */
  tone?: 'danger' | 'plain';
}

/**
 * A button for a step that cannot be undone or takes effort to reverse (closing a room, cancelling an event,
 * leaving a group). It asks first, in a dialog of the app's own look: focus moves to "Zurück" (the safe answer)
 * and stays inside, Escape closes it, and focus returns to the button. Both buttons are in red.9 text or
 * background: red.6 text on white misses AA contrast, and so does red.9 on the light variant's hover fill
 * (3.75:1); the outline variant's hover tint keeps it above 4.5:1.
 */
export function ConfirmButton({ children, title, question, confirmLabel, onConfirm, tone = 'danger', ...button }: Props) {
  const { t } = useTranslation();
  const color = tone === 'danger' ? 'red.9' : undefined;
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="outline" color={color} {...button} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title ?? children} centered closeButtonProps={{ 'aria-label': t('app.confirm.close') }}>
        <Text>{question}</Text>
        <Group justify="flex-end" mt="lg" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            {t('app.confirm.back')}
          </Button>
          <Button
            color={color}
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
