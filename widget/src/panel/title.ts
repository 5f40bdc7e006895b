const FLASH_MS = 1_500;

/** Alternates the page title with a "new message" line while the chat is closed and has unread messages. */
export function titleFlasher(): (text: string | null) => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  let original = '';
  let current = '';
  return (text) => {
    if (text && !timer) {
      original = document.title;
      timer = setInterval(() => (document.title = document.title === current ? original : current), FLASH_MS);
    } else if (!text && timer) {
      clearInterval(timer);
      timer = undefined;
      document.title = original;
    }
    current = text ?? '';
  };
}
