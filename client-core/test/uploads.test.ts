import { describe, expect, it } from 'vitest';
import {
  canRetryUpload,
  createUploader,
  fileLabel,
  fitWithin,
  formatSize,
  uploadProblem,
  type Batches,
  type Sending,
  type UploadOutcome,
} from '../src/index.ts';

type Stored = { id: string };

/** A sender whose every request waits until the test answers it. */
function harness(perMessage = 10) {
  let n = 0;
  const requests: { uploadId: string; name: string; answer(o: UploadOutcome<Stored>): void; cancelled: boolean }[] = [];
  const messages: { clientMsgId: string; attachments: Stored[] }[] = [];
  let batches: Batches<Stored> = [];
  const uploader = createUploader<Stored>({
    perMessage,
    newId: () => `id${++n}`,
    onChange: (b) => (batches = b),
    onComplete: (clientMsgId, attachments) => messages.push({ clientMsgId, attachments }),
    send(file, uploadId): Sending<Stored> {
      let answer!: (o: UploadOutcome<Stored>) => void;
      const done = new Promise<UploadOutcome<Stored>>((r) => (answer = r));
      const request = { uploadId, name: file.name, answer, cancelled: false };
      requests.push(request);
      const cancel = () => {
        request.cancelled = true;
        answer({ ok: false, code: 'unavailable' });
      };
      return { done, cancel };
    },
  });
  return { uploader, requests, messages, batches: () => batches };
}

const file = (name: string) => new File(['x'], name, { type: 'image/png' });
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the uploader', () => {
  it('sends the files picked together as one message once every one is stored, in the order picked', async () => {
    const { uploader, requests, messages, batches } = harness();
    uploader.add([file('a.png'), file('b.png')]);
    const clientMsgId = batches()[0]!.clientMsgId;
    requests[1]!.answer({ ok: true, attachment: { id: 'f_b' } });
    await settle();
    expect(messages).toEqual([]);
    requests[0]!.answer({ ok: true, attachment: { id: 'f_a' } });
    await settle();
    expect(messages).toEqual([{ clientMsgId, attachments: [{ id: 'f_a' }, { id: 'f_b' }] }]);
  });

  it('retries a dropped upload under the same uploadId, and the message keeps its clientMsgId', async () => {
    const { uploader, requests, messages, batches } = harness();
    uploader.add([file('shot.png')]);
    const { clientMsgId } = batches()[0]!;
    const { uploadId } = requests[0]!;
    requests[0]!.answer({ ok: false, code: 'unavailable' });
    await settle();
    expect(batches()[0]?.files[0]?.error).toBe('unavailable');
    uploader.retry(uploadId);
    expect(requests.map((r) => r.uploadId)).toEqual([uploadId, uploadId]);
    requests[1]!.answer({ ok: true, attachment: { id: 'f_1' } });
    await settle();
    expect(messages).toEqual([{ clientMsgId, attachments: [{ id: 'f_1' }] }]);
    expect(batches()).toEqual([]);
  });

  it('drops a cancelled file and sends the rest; a late answer to the cancelled one changes nothing', async () => {
    const { uploader, requests, messages, batches } = harness();
    uploader.add([file('a.png'), file('b.png')]);
    const { clientMsgId } = batches()[0]!;
    requests[0]!.answer({ ok: true, attachment: { id: 'f_a' } });
    await settle();
    uploader.cancel(requests[1]!.uploadId);
    await settle();
    expect(requests[1]!.cancelled).toBe(true);
    expect(messages).toEqual([{ clientMsgId, attachments: [{ id: 'f_a' }] }]);
  });

  it('splits more files than a message may carry into several messages', () => {
    const { uploader, batches } = harness(2);
    uploader.add([file('a'), file('b'), file('c')]);
    expect(batches().map((b) => b.files.map((f) => f.name))).toEqual([['a', 'b'], ['c']]);
  });
});

describe('upload problems', () => {
  it('names refusals in words and offers a retry only where another try may pass', () => {
    expect(uploadProblem('file_type_not_allowed')).toBe('type');
    expect(uploadProblem('file_too_large')).toBe('size');
    expect(uploadProblem('rate_limited')).toBe('busy');
    expect(uploadProblem('unavailable')).toBe('failed');
    expect(canRetryUpload('file_type_not_allowed')).toBe(false);
    expect(canRetryUpload('unavailable')).toBe(true);
    expect(canRetryUpload('rate_limited')).toBe(true);
  });
});

describe('showing a file', () => {
  it('labels a file by the type found in its bytes, and old Office files by their extension', () => {
    expect(fileLabel('application/pdf', 'invoice.txt')).toBe('PDF');
    expect(fileLabel('application/x-cfb', 'sheet.xls')).toBe('XLS');
    expect(fileLabel('application/x-cfb', 'noname')).toBe('DOC');
  });

  it('fits a thumbnail in its box without enlarging it', () => {
    expect(fitWithin(800, 400, 200)).toEqual({ width: 200, height: 100 });
    expect(fitWithin(50, 40, 200)).toEqual({ width: 50, height: 40 });
  });

  it("writes a size in the language's units and digits", () => {
    expect(formatSize('en', 980)).toBe('980 byte');
    expect(formatSize('en', 12_345)).toBe('12 kB');
    expect(formatSize('en', 3_400_000)).toBe('3.4 MB');
    expect(formatSize('fa-u-nu-arabext', 3_400_000)).toMatch(/^۳٫۴/);
  });
});
