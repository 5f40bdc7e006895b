import { Emitter } from '@socket.io/component-emitter';

/**
 * socket.io-parser without binary attachments: Cascade's server sends JSON only, and the binary
 * machinery (about 1.5 KB gzip) would never run. Same wire format as socket.io-parser 4 for
 * every non-binary packet; a binary packet is refused as a parse error.
 */
export const protocol = 5;

export const PacketType = {
  CONNECT: 0,
  DISCONNECT: 1,
  EVENT: 2,
  ACK: 3,
  CONNECT_ERROR: 4,
  BINARY_EVENT: 5,
  BINARY_ACK: 6,
} as const;

interface Packet {
  type: number;
  nsp: string;
  id?: number;
  data?: unknown;
}

export class Encoder {
  encode(p: Packet): string[] {
    return [
      `${p.type}${p.nsp && p.nsp !== '/' ? `${p.nsp},` : ''}${p.id ?? ''}${p.data == null ? '' : JSON.stringify(p.data)}`,
    ];
  }
}

const packet = /^([0-4])(\/[^,]*,|)(\d*)([\s\S]*)$/;

type Events = Record<string, never>;

export class Decoder extends Emitter<Events, Events, { decoded: (p: Packet) => void }> {
  add(raw: unknown): void {
    const m = typeof raw === 'string' ? packet.exec(raw) : null;
    if (!m) throw new Error('unsupported packet');
    const [, type = '', nsp = '', id = '', json = ''] = m;
    const p: Packet = { type: Number(type), nsp: nsp ? nsp.slice(0, -1) : '/' };
    if (id) p.id = Number(id);
    if (json) p.data = JSON.parse(json);
    this.emitReserved('decoded', p);
  }

  destroy(): void {}
}
