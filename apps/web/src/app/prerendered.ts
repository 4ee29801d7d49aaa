/** Marks the controls of a page the build prerendered (src/prerender.tsx) until the app has taken the page over. */
const MARK = 'data-until-hydrated';

/**
 * A prerendered page is shown before its script runs. A field typed into then would lose its text (the app's state
 * starts empty), and a form sent then would go out as a plain GET with its fields, a password too, in the address.
 * So its controls are disabled until hydration (React escapes `>` in attributes, so a tag ends at the first one).
 */
export function disableControls(html: string): string {
  return html.replace(/<(input|button|textarea|select)\b([^>]*)>/g, (tag, name: string, attrs: string) =>
    /\sdisabled(?=[\s=/]|$)/.test(attrs) ? tag : `<${name} disabled ${MARK}${attrs}>`,
  );
}

/** After hydration: the controls disabled above work again (React leaves attributes it did not render alone). */
export function enablePrerenderedControls(): void {
  for (const control of document.querySelectorAll(`[${MARK}]`)) {
    control.removeAttribute('disabled');
    control.removeAttribute(MARK);
  }
}
