/** react-remove-scroll's class: while a dialog locks the page's scrolling, fixed bars keep clear of the scrollbar's gap. */
export const KEEP_CLEAR_OF_SCROLLBAR = 'right-scroll-bar-position';
