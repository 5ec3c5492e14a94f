import { describe, expect, it } from 'vitest';
import { parseScript, ScriptSyntaxError, splitStatements } from '../../../src-main/routeros-simulator/script-parser';

describe('RouterOS script subset parser', () => {
  it('splits statements on ; and newlines but not inside quotes or brackets', () => {
    expect(splitStatements('/a b; /c d\n:log info "x;y"\n/e f [find name="a;b"]')).toEqual([
      '/a b',
      '/c d',
      ':log info "x;y"',
      '/e f [find name="a;b"]',
    ]);
  });

  it('parses a menu command with a find expression', () => {
    const [st] = parseScript('/ppp secret disable [find name="acc1001"]');
    expect(st).toMatchObject({ kind: 'command', path: '/ppp/secret', verb: 'disable' });
    if (st?.kind !== 'command') throw new Error('expected command');
    expect(st.args).toEqual([{ value: [{ t: 'br', src: 'find name="acc1001"' }] }]);
  });

  it('parses keyed arguments with quoted values and variables', () => {
    const [st] = parseScript('/ip firewall address-list add list=expired address=10.0.0.5 comment="acc 1001 $user"');
    if (st?.kind !== 'command') throw new Error('expected command');
    expect(st.path).toBe('/ip/firewall/address-list');
    expect(st.verb).toBe('add');
    expect(st.args).toEqual([
      { name: 'list', value: [{ t: 'lit', s: 'expired' }] },
      { name: 'address', value: [{ t: 'lit', s: '10.0.0.5' }] },
      { name: 'comment', value: [{ t: 'str', parts: [{ lit: 'acc 1001 ' }, { var: 'user' }] }] },
    ]);
  });

  it('accepts slash paths and positional item names', () => {
    const [a, b] = parseScript('/ppp/secret/set [find name=x] profile="HOME-5M" disabled=yes\n/ppp secret enable acc1');
    expect(a).toMatchObject({ kind: 'command', path: '/ppp/secret', verb: 'set' });
    expect(b).toMatchObject({ kind: 'command', path: '/ppp/secret', verb: 'enable' });
    if (b?.kind !== 'command') throw new Error('expected command');
    expect(b.args).toEqual([{ value: [{ t: 'lit', s: 'acc1' }] }]);
  });

  it('parses :log levels and treats :put/:delay as no-ops', () => {
    const [log, put, delay] = parseScript(':log warning "disk low"; :put ("x"); :delay 1s');
    expect(log).toMatchObject({ kind: 'log', level: 'warning', message: [{ t: 'str', parts: [{ lit: 'disk low' }] }] });
    expect(put?.kind).toBe('noop');
    expect(delay?.kind).toBe('noop');
  });

  it('rejects what it does not understand', () => {
    expect(() => parseScript(':foreach i in=[/queue simple find] do={ :put $i }')).toThrow(ScriptSyntaxError);
    expect(() => parseScript(':log loud "x"')).toThrow(ScriptSyntaxError);
    expect(() => parseScript('/ppp secret add name="unterminated')).toThrow(ScriptSyntaxError);
  });

  it('ignores comment lines and joins backslash continuations', () => {
    expect(parseScript('# expire\n/system scheduler \\\n  remove [find name="x"]')).toMatchObject([{ kind: 'command', path: '/system/scheduler', verb: 'remove' }]);
  });
});
