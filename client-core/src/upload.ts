import type { Sending, UploadOutcome } from './uploader.ts';

export interface PutFile<A> {
  /** Where the file goes; the server names the upload by its path and takes the file's name from the query. */
  url: string;
  file: Blob;
  headers: Record<string, string>;
  progress(fraction: number): void;
  /** Takes what the server stored out of a successful reply's JSON body. */
  read(body: unknown): A;
}

const errorCode = (body: unknown): string | null => {
  const error = (body as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === 'string' ? error.code : null;
};

/**
 * Sends a file as the raw request body with XMLHttpRequest, whose upload events report progress in every browser the
 * clients target (a streamed fetch body does not). A dropped connection, a cancel or a reply that
 * is not the server's JSON settles as `unavailable`, so the caller may send it again.
 */
export function putFile<A>(p: PutFile<A>): Sending<A> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadOutcome<A>>((resolve) => {
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) p.progress(e.loaded / e.total);
    };
    xhr.onloadend = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not the server's JSON (a proxy's page, or nothing at all): treated as a dropped connection.
      }
      const ok = xhr.status >= 200 && xhr.status < 300 && body !== null;
      resolve(ok ? { ok: true, attachment: p.read(body) } : { ok: false, code: errorCode(body) ?? 'unavailable' });
    };
  });
  xhr.open('PUT', p.url);
  xhr.setRequestHeader('content-type', 'application/octet-stream');
  for (const [name, value] of Object.entries(p.headers)) xhr.setRequestHeader(name, value);
  xhr.send(p.file);
  return { done, cancel: () => xhr.abort() };
}
