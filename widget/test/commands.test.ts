import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { drainQueue, parseCommand } from '../src/commands.ts';
import { snippet, stub } from '../src/snippet.ts';

/** Runs the stub as a page would, before the loader, and returns what it queued. */
function queuedByStub(calls: string): unknown {
  const page: Record<string, unknown> = {};
  page.window = page;
  runInNewContext(`${stub}\n${calls}`, page);
  return (page.Cascade as { q?: unknown }).q;
}

describe('the inline stub', () => {
  it('queues calls made before the loader arrives, in order, with their arguments', () => {
    const queue = queuedByStub(`Cascade('setLocale', 'ar'); Cascade('identify', { token: 'jwt' }); Cascade('open');`);
    const seen: unknown[][] = [];
    drainQueue(queue, (args) => seen.push(Array.from(args)));
    expect(seen).toEqual([['setLocale', 'ar'], ['identify', { token: 'jwt' }], ['open']]);
  });

  it('keeps an existing Cascade (the loader arrived first) untouched', () => {
    const page: Record<string, unknown> = {};
    page.window = page;
    const real = () => undefined;
    page.Cascade = real;
    runInNewContext(stub, page);
    expect(page.Cascade).toBe(real);
  });

  it('is pasted with the loader in one snippet', () => {
    expect(snippet('https://chat.example.com/widget.js', 'pk_abc12345')).toBe(
      `<script>${stub}</script>\n` +
        `<script async src="https://chat.example.com/widget.js" data-site-key="pk_abc12345"></script>`,
    );
    expect(snippet('https://x.io/widget.js', 'pk_"><script>')).toContain('data-site-key="pk_&quot;>&lt;script>"');
  });
});

describe('running queued calls', () => {
  it('ignores a queue that is not a list, and holes in it', () => {
    const seen: unknown[] = [];
    drainQueue(undefined, (args) => seen.push(args));
    drainQueue({ length: 1 }, (args) => seen.push(args));
    drainQueue([null, ['shutdown']], (args) => seen.push(args));
    expect(seen).toEqual([['shutdown']]);
  });

  it('understands the public API', () => {
    const listener = () => undefined;
    expect(parseCommand(['identify', { token: 'jwt' }])).toEqual({ kind: 'identify', token: 'jwt' });
    expect(parseCommand(['setLocale', 'fa-IR'])).toEqual({ kind: 'setLocale', locale: 'fa' });
    expect(parseCommand(['on', 'message', listener])).toEqual({ kind: 'on', listener });
    expect(parseCommand(['shutdown'])).toEqual({ kind: 'shutdown' });
    expect(parseCommand(['set', { plan: 'pro', orderId: 1042 }])).toEqual({
      kind: 'set',
      attributes: { plan: 'pro', orderId: 1042 },
    });
  });

  it('refuses malformed calls instead of throwing', () => {
    expect(parseCommand([])).toBeNull();
    expect(parseCommand(['boot'])).toBeNull();
    expect(parseCommand(['identify'])).toBeNull();
    expect(parseCommand(['identify', 'jwt'])).toBeNull();
    expect(parseCommand(['identify', { token: '' }])).toBeNull();
    expect(parseCommand(['identify', { token: 'x'.repeat(4097) }])).toBeNull();
    expect(parseCommand(['setLocale', 'de'])).toBeNull();
    expect(parseCommand(['on', 'message'])).toBeNull();
    expect(parseCommand(['on', 'close', () => undefined])).toBeNull();
    expect(parseCommand(['set'])).toBeNull();
    expect(parseCommand(['set', 'plan=pro'])).toBeNull();
  });
});
