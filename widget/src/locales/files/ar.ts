import type { FilesCatalogue } from './en.ts';

export const files: FilesCatalogue = {
  'file.uploading': 'جارٍ رفع {name}',
  'file.cancel': 'إلغاء',
  'file.remove': 'إزالة',
  'file.retry': 'أعد المحاولة',
  'file.failed': 'تعذّر رفع الملف.',
  'file.type': 'لا يمكن إرسال هذا النوع من الملفات. أرسل صورة أو ملف PDF أو نصًا أو مستندًا مكتبيًا.',
  'file.size': 'هذا الملف كبير جدًا: الحد الأقصى {size}.',
  'file.rejected': 'تعذّر قبول هذا الملف.',
  'file.busy': 'ملفات كثيرة في وقت واحد. انتظر قليلًا ثم أعد المحاولة.',
  'file.open': 'افتح {name} بالحجم الكامل',
  'file.download': 'تنزيل',
};
