import { Text } from '@mantine/core';

export interface SnippetPart {
  text: string;
  highlight: boolean;
}

/** Where the search words occur: matches marked with <mark>, the text rendered as text. */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return <Text size="sm">{parts.map((p, i) => (p.highlight ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</Text>;
}
