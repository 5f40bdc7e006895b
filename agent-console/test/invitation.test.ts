import { describe, expect, it } from 'vitest';
import { codeFromHash, invitationCode } from '../src/logic/invitation.ts';

const code = 'Ab3_-'.repeat(8) + 'xyz';

describe('reading an invitation', () => {
  it('takes the code from itself, from a pasted link, or from the console hash', () => {
    expect(invitationCode(`  ${code}\n`)).toBe(code);
    expect(invitationCode(`https://chat.example/console/#join/${code}`)).toBe(code);
    expect(codeFromHash(`#join/${code}`)).toBe(code);
    expect(codeFromHash(`#/join/${code}`)).toBe(code);
  });

  it('finds nothing in text that holds no code', () => {
    expect(invitationCode('not a code')).toBeNull();
    expect(invitationCode('https://chat.example/console/#/agents')).toBeNull();
    expect(codeFromHash('#/agents')).toBeNull();
    expect(codeFromHash(`#join/${code}&x=1`)).toBeNull();
  });
});
