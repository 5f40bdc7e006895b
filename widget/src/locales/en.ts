/** The launcher's name, kept apart so the loader bundles only this string. */
export const openChat = 'Open chat';

/** Every string the visitor can see; `{name}` marks a parameter. English is the reference. */
export const catalogue = {
  'panel.close': 'Close chat',
  'panel.title': 'Chat',
  'panel.greeting': 'Hi! How can we help?',
  'status.bot': 'Instant answers',
  'status.queued': 'Waiting for a person',
  'status.assigned': 'Chatting with {name}',
  'conn.reconnecting': 'Reconnecting…',
  'conn.blocked': 'Chat is not available here.',
  'composer.placeholder': 'Write a message…',
  'composer.send': 'Send',
  'composer.attach': 'Attach files',
  'human.ask': 'Talk to a person',
  'human.hint': 'Tell us what you need; a person will take over.',
  'author.bot': 'Assistant',
  'bot.helped': 'That helped',
  'bot.suggest': 'Does one of these help?',
  'bot.typing': 'Assistant is typing…',
  'agent.typing': '{name} is typing…',
  'msg.pending': 'Sending',
  'msg.sent': 'Delivered',
  'msg.seen': 'Seen',
  'msg.failed': 'Not sent.',
  'msg.retry': 'Retry',
  'queue.position': 'You are number {n} in line.',
  'queue.eta': 'Wait: about {n} min.',
  'queue.etaSoon': 'Wait: under a minute.',
  'queue.nobody': 'Nobody can answer right now.',
  'chat.new': 'New conversation',
  'earlier.open': 'Earlier conversations',
  'event.escalated': 'Connecting you with a person…',
  'event.claimed': '{name} joined the chat.',
  'event.agent_left': '{name} left the chat.',
  'event.transferred': 'Passing you to a colleague.',
  'event.requeued': 'You are back in line.',
  'event.bot_resolved': 'Glad we could help!',
  'event.resolved': 'The chat has ended.',
  'event.abandoned': 'The chat was closed.',
  'error.generic': 'Something went wrong. Try again.',
  'title.flash': '({n}) New message',
};

export type Key = keyof typeof catalogue;
export type Catalogue = Record<Key, string>;
