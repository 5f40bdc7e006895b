export type Drafts = Readonly<Record<string, string>>;

/** Sets a chat's draft; an empty draft is removed so stored drafts never pile up. */
export function setDraft(drafts: Drafts, conversationId: string, text: string): Drafts {
  if (text.trim() === '') return dropDraft(drafts, conversationId);
  if (drafts[conversationId] === text) return drafts;
  return { ...drafts, [conversationId]: text };
}

export function dropDraft(drafts: Drafts, conversationId: string): Drafts {
  if (!(conversationId in drafts)) return drafts;
  const { [conversationId]: _dropped, ...rest } = drafts;
  return rest;
}

export function draftFor(drafts: Drafts, conversationId: string): string {
  return drafts[conversationId] ?? '';
}

/** Reads drafts back from storage, ignoring anything that is not a string map. */
export function parseDrafts(raw: string | null): Drafts {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {};
  }
}
