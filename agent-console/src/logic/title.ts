/** The document title with a count of what needs attention, e.g. "(2) Cascade console". */
export function titleWithBadge(title: string, count: number, format: (n: number, title: string) => string): string {
  return count > 0 ? format(count, title) : title;
}
