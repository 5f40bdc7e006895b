import type { Locale } from '@cascade/shared';
import { translatorFor } from '../i18n/t.ts';
import { files as ar } from '../locales/files/ar.ts';
import { files as en, type FilesCatalogue } from '../locales/files/en.ts';
import { files as fa } from '../locales/files/fa.ts';

const catalogues: Record<Locale, FilesCatalogue> = { en, ar, fa };

export const filesTranslator = (locale: Locale) => translatorFor(catalogues, locale);
