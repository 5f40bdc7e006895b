import type { Locale } from '@cascade/shared';
import { fill, type Params } from '../i18n/format.ts';
import { files as ar } from '../locales/files/ar.ts';
import { files as en, type FilesCatalogue, type FilesKey } from '../locales/files/en.ts';
import { files as fa } from '../locales/files/fa.ts';

const catalogues: Record<Locale, FilesCatalogue> = { en, ar, fa };

export type FilesT = (key: FilesKey, params?: Params) => string;

export const filesTranslator =
  (locale: Locale): FilesT =>
  (key, params) =>
    fill(locale, catalogues[locale][key], params);
