export { createBot, type Bot } from './bot.ts';
export { defaultThresholds } from './thresholds.ts';
export { normalize } from './normalize.ts';
export { detectLanguage } from './language.ts';
export { smalltalkReply, type SmalltalkIntent } from './intents/smalltalk.ts';
