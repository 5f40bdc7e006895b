import type { FilesCatalogue } from './en.ts';

export const files: FilesCatalogue = {
  'file.uploading': 'در حال بارگذاری {name}',
  'file.cancel': 'لغو',
  'file.remove': 'حذف',
  'file.retry': 'تلاش دوباره',
  'file.failed': 'بارگذاری انجام نشد.',
  'file.type': 'این نوع فایل را نمی‌توان فرستاد. یک تصویر، PDF، متن یا سند اداری بفرستید.',
  'file.size': 'این فایل بیش از حد بزرگ است: حداکثر {size}.',
  'file.rejected': 'این فایل پذیرفته نشد.',
  'file.busy': 'فایل‌های زیادی در یک زمان. کمی صبر کنید و دوباره تلاش کنید.',
  'file.open': 'باز کردن {name} در اندازهٔ کامل',
  'file.download': 'دریافت',
};
