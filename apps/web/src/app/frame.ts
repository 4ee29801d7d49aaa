/** react-remove-scroll's class: while a dialog locks the page's scrolling, fixed bars keep clear of the scrollbar's gap. */
export const KEEP_CLEAR_OF_SCROLLBAR = 'right-scroll-bar-position';

/** The attribute of `#root` while it holds the page's first view as the server rendered it (web-app-page.ts in the API). */
export const FIRST_VIEW = 'data-first-view';
