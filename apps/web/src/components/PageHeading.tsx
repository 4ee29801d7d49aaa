import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { usePageTitle } from './usePageTitle';

/** The page's h1; it takes focus after client-side navigation so screen readers announce the new page. */
export function PageHeading({ children }: { children: string }) {
  usePageTitle(children);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement && document.activeElement !== document.body) ref.current?.focus();
  }, [children]);
  return (
    <Title order={1} ref={ref} tabIndex={-1} mb="md" style={{ outline: 'none' }}>
      {children}
    </Title>
  );
}
