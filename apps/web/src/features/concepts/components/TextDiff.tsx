import { Box, Text } from '@mantine/core';
import { diffWords } from 'diff';
import { useTranslation } from 'react-i18next';

/** Word by word, from one text to another: removed words struck through, added ones marked; screen readers are told which. */
export function TextDiff({ from, to, label }: { from: string; to: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Box component="figure" m={0}>
      <Text component="figcaption" size="sm" fw={600} mb={4}>
        {label}
      </Text>
      <Text component="p" style={{ whiteSpace: 'pre-wrap' }}>
        {diffWords(from, to).map((part, i) =>
          part.added ? (
            <ins key={i} className="diff-added" aria-label={`${t('concepts.diffAdded')}: ${part.value}`}>
              {part.value}
            </ins>
          ) : part.removed ? (
            <del key={i} className="diff-removed" aria-label={`${t('concepts.diffRemoved')}: ${part.value}`}>
              {part.value}
            </del>
          ) : (
            <span key={i}>{part.value}</span>
          ),
        )}
      </Text>
    </Box>
  );
}
