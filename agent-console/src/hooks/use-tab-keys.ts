import { useEffect } from 'preact/hooks';

/**
 * Alt+1..9 selects the n-th open chat. `event.code` is used because Alt+digit types
 * other characters on macOS and on Arabic or Persian layouts.
 */
export function useTabKeys(order: readonly string[], select: (id: string) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
      if (!digit) return;
      const id = order[Number(digit) - 1];
      if (!id) return;
      event.preventDefault();
      select(id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [order, select]);
}
