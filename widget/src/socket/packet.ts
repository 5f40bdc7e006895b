/**
 * Socket.IO v5 packets as the text of an Engine.IO message, JSON only: Cascade's server never
 * sends binary, so the binary packet types (5 and 6) are not read.
 */

export const CONNECT = 0;
export const DISCONNECT = 1;
export const EVENT = 2;
export const ACK = 3;
export const CONNECT_ERROR = 4;

export interface Packet {
  type: number;
  nsp: string;
  id?: number;
  data?: unknown;
}

/** `<type>[<nsp>,][<ack id>][<JSON>]`; the main namespace `/` is left out. */
export function encode({ type, nsp, id, data }: Packet): string {
  return `${type}${nsp === '/' ? '' : `${nsp},`}${id ?? ''}${data === undefined ? '' : JSON.stringify(data)}`;
}

// The payload of every packet the server sends is an object or an array, so it starts with { or [.
const shape = /^([0-4])(?:(\/[^,]*),)?(\d*)([[{][\s\S]*)?$/;

/** The packet, or null when the text is not a JSON packet of this protocol. */
export function decode(text: string): Packet | null {
  const m = shape.exec(text);
  if (!m) return null;
  const packet: Packet = { type: Number(m[1]), nsp: m[2] ?? '/' };
  if (m[3]) packet.id = Number(m[3]);
  if (m[4]) {
    try {
      packet.data = JSON.parse(m[4]);
    } catch {
      return null;
    }
  }
  return packet;
}
