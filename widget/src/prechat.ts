import type { ChatState } from './state.ts';

/**
 * Whether the site's pre-chat form stands between the visitor and the chat now: before the
 * first message, or once they ask for a person (or the bot passed them to one: the server holds
 * that handoff until the answers are in, so no agent claims the chat first). Until hello
 * says whether they answered it before, a form asked before the first message holds the composer.
 */
export function asksPreChat(s: ChatState): boolean {
  const form = s.site?.preChat;
  return (
    !!form && s.preChatDone !== true && (form.when === 'first_message' || s.wantHuman || !!s.conversation?.preChatFirst)
  );
}
