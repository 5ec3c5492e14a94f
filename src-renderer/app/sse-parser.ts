export interface SseMessage {
  event: string;
  data: string;
}

/**
 * Incremental Server-Sent Events parser: feed it decoded text as it arrives, get whole messages back.
 * Comment lines (": ping") are skipped; a message without `event:` is named "message" as in the spec.
 */
export class SseParser {
  private buffer = '';

  push(text: string): SseMessage[] {
    this.buffer += text.replace(/\r\n?/g, '\n');
    const out: SseMessage[] = [];
    let end = this.buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const msg = parseBlock(block);
      if (msg) out.push(msg);
      end = this.buffer.indexOf('\n\n');
    }
    return out;
  }
}

function parseBlock(block: string): SseMessage | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  return { event, data: data.join('\n') };
}
