import { describe, expect, it } from 'vitest';
import { SseParser } from '../../../src-renderer/app/sse-parser';

describe('SseParser', () => {
  it('returns whole events even when chunks split them anywhere', () => {
    const p = new SseParser();
    expect(p.push(': connected\n\nevent: session.en')).toEqual([]);
    expect(p.push('ded\ndata: {"reason":"idle"}\n')).toEqual([]);
    expect(p.push('\nevent: tenants.changed\ndata: {"a":1}\n\n')).toEqual([
      { event: 'session.ended', data: '{"reason":"idle"}' },
      { event: 'tenants.changed', data: '{"a":1}' },
    ]);
  });

  it('accepts CRLF line endings, skips comments and joins multi-line data', () => {
    const p = new SseParser();
    expect(p.push(': ping\r\n\r\nevent: x\r\ndata: one\r\ndata: two\r\n\r\n')).toEqual([{ event: 'x', data: 'one\ntwo' }]);
  });

  it('names events without an event field "message" and ignores blocks without data', () => {
    const p = new SseParser();
    expect(p.push('data: hi\n\nevent: empty\n\n')).toEqual([{ event: 'message', data: 'hi' }]);
  });
});
