import { describe, expect, it } from 'vitest';
import { AgentSend, AttachmentSettings, FileId, SendMessage, SiteSettings } from '../src/index.ts';

const uuid = '6f1c1e7e-7d6a-4f7e-9a43-3c1a2b3c4d5e';
const file = 'f_AAAAAAAAAAAAAAAAAAAAAA';

describe('attachment contract', () => {
  it('accepts a message of files and no text', () => {
    expect(SendMessage.parse({ clientMsgId: uuid, text: '  ', attachments: [file] })).toEqual({
      clientMsgId: uuid,
      text: '',
      attachments: [file],
    });
    expect(AgentSend.parse({ conversationId: 'c1', clientMsgId: uuid, text: '', attachments: [file] }).internal).toBe(
      false,
    );
  });

  it('refuses a message with neither text nor files', () => {
    const r = SendMessage.safeParse({ clientMsgId: uuid, text: '', attachments: [] });
    expect(r.error?.issues[0]?.message).toBe('message is empty');
    expect(AgentSend.safeParse({ conversationId: 'c1', clientMsgId: uuid, text: ' ' }).success).toBe(false);
  });

  it('refuses the same file twice and ids that are not file ids', () => {
    expect(SendMessage.safeParse({ clientMsgId: uuid, text: 'x', attachments: [file, file] }).success).toBe(false);
    expect(FileId.safeParse('f_../../etc/passwd').success).toBe(false);
    expect(FileId.safeParse(file).success).toBe(true);
  });

  it('keeps sites without attachment settings valid and bounds the size a site may set', () => {
    expect(SiteSettings.shape.attachments.safeParse(undefined).success).toBe(true);
    expect(AttachmentSettings.safeParse({ allowedTypes: ['image/svg+xml'], maxBytes: 1024 }).success).toBe(false);
    expect(AttachmentSettings.safeParse({ allowedTypes: [], maxBytes: 1e12 }).success).toBe(false);
  });
});
