import { createContext, useContext, useEffect } from 'react';

/** The server's render of a page's first view reads the page's title here (prerender.tsx). */
export const ServerPageTitle = createContext<{ title?: string } | undefined>(undefined);

export const pageTitle = (title: string) => `${title} – Verbund`;

export function usePageTitle(title: string) {
  const server = useContext(ServerPageTitle);
  if (server) server.title = pageTitle(title);
  useEffect(() => {
    document.title = pageTitle(title);
  }, [title]);
}
