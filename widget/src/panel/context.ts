import type { Locale } from '@cascade/shared';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { T } from '../i18n/t.ts';
import type { ChatState } from '../state.ts';
import type { Connection } from './connection.ts';

/** What every part of the panel needs: the state, the strings, and a way to act. */
export interface ChatContext {
  state: ChatState;
  locale: Locale;
  t: T;
  conn: Connection;
  /** Awaits a request's outcome and shows the generic error when it failed. */
  attempt: (outcome: Promise<boolean>) => Promise<boolean>;
  close: () => void;
  /** Uploads files the visitor picked, dropped or pasted. */
  attach: (files: FileList | null | undefined) => void;
}

// Every component using it is rendered inside App's provider, so there is no meaningful default.
export const Chat = createContext({} as ChatContext);

export const useChat = (): ChatContext => useContext(Chat);
