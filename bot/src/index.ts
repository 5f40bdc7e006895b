export { createBot, trainBot, botFromModel, modelBuffers, type Bot, type BotModel } from './bot.ts';
export { defaultThresholds } from './thresholds.ts';
export { normalize } from './normalize.ts';
export { detectLanguage } from './language.ts';
export { smalltalkReply, type SmalltalkIntent } from './intents/smalltalk.ts';
export { groupQuestions, DEFAULT_GROUP_THRESHOLD, type QuestionGroup } from './missed.ts';
