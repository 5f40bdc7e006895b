import { SUBJECT_MAX } from '@cascade/shared';

/** The visitor's first question as one short line: whitespace folded, cut at a word with "…". */
export function subjectOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= SUBJECT_MAX) return line;
  const cut = line.slice(0, SUBJECT_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > SUBJECT_MAX / 2 ? cut.slice(0, space) : cut}…`;
}
