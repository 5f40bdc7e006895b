import { describe, expect, it } from 'vitest';
import { ACK, CONNECT, CONNECT_ERROR, decode, DISCONNECT, encode, EVENT } from '../src/socket/packet.ts';

describe('Socket.IO packets', () => {
  it('writes the namespace connect with the auth the widget sends', () => {
    expect(encode({ type: CONNECT, nsp: '/visitor', data: { siteKey: 'pk_1', locale: 'ar' } })).toBe(
      '0/visitor,{"siteKey":"pk_1","locale":"ar"}',
    );
  });

  it('writes events, requests with their ack id, and the disconnect', () => {
    expect(encode({ type: EVENT, nsp: '/visitor', data: ['typing', { typing: true }] })).toBe(
      '2/visitor,["typing",{"typing":true}]',
    );
    expect(encode({ type: EVENT, nsp: '/visitor', id: 12, data: ['hello', { after: null }] })).toBe(
      '2/visitor,12["hello",{"after":null}]',
    );
    expect(encode({ type: DISCONNECT, nsp: '/visitor' })).toBe('1/visitor,');
    expect(encode({ type: EVENT, nsp: '/', data: ['x'] })).toBe('2["x"]');
  });

  it('reads the connect, events, acks, refusals and the disconnect the server sends', () => {
    expect(decode('0/visitor,{"sid":"abc"}')).toEqual({ type: CONNECT, nsp: '/visitor', data: { sid: 'abc' } });
    expect(decode('2/visitor,["message:new",{"id":"1-0"}]')).toEqual({
      type: EVENT,
      nsp: '/visitor',
      data: ['message:new', { id: '1-0' }],
    });
    expect(decode('3/visitor,7[{"ok":true}]')).toEqual({ type: ACK, nsp: '/visitor', id: 7, data: [{ ok: true }] });
    expect(decode('4/visitor,{"message":"unknown_site"}')).toEqual({
      type: CONNECT_ERROR,
      nsp: '/visitor',
      data: { message: 'unknown_site' },
    });
    expect(decode('1/visitor,')).toEqual({ type: DISCONNECT, nsp: '/visitor' });
    expect(decode('2["x",1]')).toEqual({ type: EVENT, nsp: '/', data: ['x', 1] });
  });

  it('keeps text that looks like the protocol inside the payload', () => {
    const text = '3/visitor,["1/x,",{"a":"[\\"b\\"]"}]';
    expect(decode(encode({ type: EVENT, nsp: '/visitor', id: 3, data: [text] }))?.data).toEqual([text]);
  });

  it('refuses binary packets and what is not a packet', () => {
    expect(decode('51-/visitor,["file",{"_placeholder":true,"num":0}]')).toBeNull();
    expect(decode('2/visitor,["broken"')).toBeNull();
    expect(decode('<html>')).toBeNull();
    expect(decode('')).toBeNull();
  });
});
