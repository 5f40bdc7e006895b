import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../src/', import.meta.url).pathname;
const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => ({ name: f, text: readFileSync(join(root, f), 'utf8') }));

describe('the widget source', () => {
  it('imports only types from @cascade/shared, so zod never reaches the bundle', () => {
    for (const { name, text } of files) {
      for (const [statement] of text.matchAll(/^(import|export)\b[^;]*?from '@cascade\/shared';/gms)) {
        expect(statement, name).toMatch(/^import type /);
      }
    }
  });

  it('never renders HTML from data', () => {
    for (const { name, text } of files) {
      expect(text, name).not.toContain('dangerouslySetInnerHTML');
      for (const line of text.split('\n').filter((l) => l.includes('innerHTML ='))) {
        // The launcher's icon is the one static string set this way.
        expect(line.trim(), name).toBe('button.innerHTML = icon;');
      }
    }
  });

  it('opens every link from people with noopener noreferrer in a new tab', () => {
    const rich = files.find((f) => f.name.endsWith('RichText.tsx'))?.text ?? '';
    expect(rich).toContain('rel="noopener noreferrer"');
    expect(rich).toContain('target="_blank"');
  });
});
