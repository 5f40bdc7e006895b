import { linkify } from '../../linkify.ts';

/** A person's or the bot's words, as text; only checked http(s) links become elements. */
export function RichText({ text }: { text: string }) {
  return (
    <p class="text" dir="auto">
      {linkify(text).map((part) =>
        part.href ? (
          <a href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
