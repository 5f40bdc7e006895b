/** `?siteId=...&...`: every supervisor and admin call names the site it acts on. */
export function siteQuery(siteId: string, extra: Record<string, string | number | undefined> = {}): string {
  const query = new URLSearchParams({ siteId });
  for (const [key, value] of Object.entries(extra))
    if (value !== undefined && value !== '') query.set(key, String(value));
  return `?${query}`;
}
