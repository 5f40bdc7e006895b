/** The attachment feature: its own chunk, fetched the first time a visitor attaches or receives a file. */
export { Files } from './MessageFiles.tsx';
export { Uploads } from './Uploads.tsx';
export { attach } from './uploads.ts';
