const EVENT = 'cascade:second-factor-setup-required';

/**
 * The server refused a call (REST or the socket) because a site of the agent now requires
 * two-step sign-in that they have not turned on. Said once on the window, so that whichever
 * part of the console met it, the app reads `Me` again and shows the setup step.
 */
export function announceSetupRequired(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** Calls `listener` on every announcement; returns the unsubscribe. */
export function onSetupRequired(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
