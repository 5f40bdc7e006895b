/** What the engine is told by a transport: each Engine.IO frame received, and its end. */
export interface LinkEvents {
  frame(text: string): void;
  /** Called once when the server or the network ends the link; not after `close()`. */
  close(): void;
}

/** One transport's connection to the server, carrying Engine.IO text frames. */
export interface Link {
  send(frames: string[]): void;
  close(): void;
}

/** Opens a link to the Engine.IO endpoint `url` (`…/socket.io/?EIO=4`), the transport added to it. */
export type Transport = (url: string, on: LinkEvents) => Link;
