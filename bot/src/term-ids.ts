/**
 * Documents as ids into one list of their distinct terms, numbered as first seen. A knowledge
 * base's phrasings are turned into ids once, as they are read: the feature spaces of the full
 * index and of the confidence fit's fold are then built from integers, and the hundreds of
 * thousands of term strings die young instead of being kept (and copied by the collector)
 * for the whole build.
 */
export interface TermDocuments {
  /** Term id -> term. */
  readonly terms: readonly string[];
  /** Each document's terms as ids, in the document's order, repeats kept. */
  readonly docs: readonly Int32Array[];
}

/** A growing dictionary: `add` returns a document's term ids, numbering new terms as it meets them. */
export function termDictionary(): { readonly terms: readonly string[]; add(doc: readonly string[]): Int32Array } {
  const ids = new Map<string, number>();
  const terms: string[] = [];
  return {
    terms,
    add(doc) {
      const out = new Int32Array(doc.length);
      for (let i = 0; i < doc.length; i++) {
        const term = doc[i] as string;
        let id = ids.get(term);
        if (id === undefined) {
          id = terms.length;
          ids.set(term, id);
          terms.push(term);
        }
        out[i] = id;
      }
      return out;
    },
  };
}

export function termDocuments(documents: readonly (readonly string[])[]): TermDocuments {
  const dictionary = termDictionary();
  const docs = documents.map((doc) => dictionary.add(doc));
  return { terms: dictionary.terms, docs };
}
