import { createStore as create, type Store as CoreStore } from '@cascade/client-core';
import { reduce, type Action, type ChatState } from '../state.ts';

/** The panel's one state container: the connection writes to it, the components read it. */
export type Store = CoreStore<ChatState, Action>;

export const createStore = (initial: ChatState): Store => create(reduce, initial);
