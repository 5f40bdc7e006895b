import { z } from 'zod';

/** Languages the widget and console ship with. */
export const Locale = z.enum(['en', 'ar', 'fa']);
export type Locale = z.infer<typeof Locale>;

/** Knowledge-base content may be written in any language (ISO 639-1/2 code). */
export const Language = z.string().regex(/^[a-z]{2,3}$/, 'language must be an ISO 639 code like en, ar, fa');
export type Language = z.infer<typeof Language>;
