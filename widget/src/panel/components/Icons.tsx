export const CloseIcon = () => (
  <svg viewBox="0 0 24 24" aria-hidden="true">
    <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
  </svg>
);

/** Points along the writing direction; the stylesheet mirrors it for right-to-left. */
export const SendIcon = () => (
  <svg class="flip" viewBox="0 0 24 24" aria-hidden="true">
    <path fill="currentColor" d="M3 20.5v-6.3L13 12 3 9.8V3.5L22 12z" />
  </svg>
);
