import { useEffect } from 'preact/hooks';

export function isWindowFocused(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

/** Calls `onFocus` whenever the agent comes back to the console window. */
export function useWindowFocus(onFocus: () => void): void {
  useEffect(() => {
    const check = () => {
      if (isWindowFocused()) onFocus();
    };
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [onFocus]);
}
