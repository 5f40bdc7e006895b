/**
 * The strings of the attachment chunk, fetched with it rather than with the panel; `{name}` marks
 * a parameter. English is the reference.
 */
export const files = {
  'file.uploading': 'Uploading {name}',
  'file.cancel': 'Cancel',
  'file.remove': 'Remove',
  'file.retry': 'Retry',
  'file.failed': 'Upload failed.',
  'file.type': 'This kind of file cannot be sent. Send an image, a PDF, a text or an office document.',
  'file.size': 'This file is too large: the limit is {size}.',
  'file.rejected': 'This file could not be accepted.',
  'file.busy': 'Too many files at once. Wait a moment, then retry.',
  'file.open': 'Open {name} full size',
  'file.download': 'Download',
};

export type FilesCatalogue = typeof files;
