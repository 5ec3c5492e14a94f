import { describe, expect, it } from 'vitest';
import { compileQuery } from '../../../src-main/routeros-simulator/query';

type Item = Record<string, string>;
const items: Item[] = [
  { name: 'ether1', type: 'ether', mtu: '1500', comment: 'WAN' },
  { name: 'vlan10', type: 'vlan', mtu: '1500' },
  { name: 'bridge', type: 'bridge', mtu: '1500', comment: '' },
  { name: 'pppoe', type: 'pppoe-in', mtu: '1480' },
];

function run(words: string[]): string[] {
  const q = compileQuery(words);
  return items.filter((it) => q.matches((n) => it[n])).map((it) => it.name!);
}

describe('API query stack (MikroTik manual examples)', () => {
  it('ORs two equalities with ?#| (ether or vlan)', () => {
    expect(run(['?type=ether', '?type=vlan', '?#|'])).toEqual(['ether1', 'vlan10']);
  });

  it('negates the OR with ?#|! (neither ether nor vlan)', () => {
    expect(run(['?type=ether', '?type=vlan', '?#|!'])).toEqual(['bridge', 'pppoe']);
  });

  it('selects items with a non-empty comment with ?>comment=', () => {
    expect(run(['?>comment='])).toEqual(['ether1']);
  });

  it('ANDs plain words (stack must hold no false)', () => {
    expect(run(['?mtu=1500', '?type=vlan'])).toEqual(['vlan10']);
    expect(run(['?=mtu=1500', '?=name=bridge'])).toEqual(['bridge']);
  });

  it('tests presence and absence of a property', () => {
    expect(run(['?comment'])).toEqual(['ether1', 'bridge']);
    expect(run(['?-comment'])).toEqual(['vlan10', 'pppoe']);
  });

  it('compares numerically with ?< and ?>', () => {
    expect(run(['?<mtu=1500'])).toEqual(['pppoe']);
    expect(run(['?>mtu=1480'])).toEqual(['ether1', 'vlan10', 'bridge']);
  });

  it('replaces the whole stack with an index at the end of ?# (so later falses vanish)', () => {
    // stack: [ether?, vlan?]; "?#1" keeps the value at index 1 (ether?) as the only value.
    expect(run(['?type=ether', '?type=vlan', '?#1'])).toEqual(['ether1']);
  });

  it('pushes a copy with an index followed by an operation, and "." after an index is a no-op', () => {
    // [ether?, vlan?] -> "0." pushes copy of vlan? ; "|" ORs top two (vlan?, vlan?) -> [ether?, vlan?] ; "|" -> ether|vlan
    expect(run(['?type=ether', '?type=vlan', '?#0.||'])).toEqual(['ether1', 'vlan10']);
    // "." after an operation pushes a copy of the top: [ether?] -> "!" -> [not ether] -> "." -> [not ether, not ether] -> "&"
    expect(run(['?type=ether', '?#!.&'])).toEqual(['vlan10', 'bridge', 'pppoe']);
  });

  it('ANDs with & and treats the infinite bottom of trues correctly', () => {
    expect(run(['?type=ether', '?mtu=1500', '?#&'])).toEqual(['ether1']);
    // A lone "|" ORs the only value with the implicit true below it.
    expect(run(['?type=vlan', '?#|'])).toEqual(['ether1', 'vlan10', 'bridge', 'pppoe']);
  });

  it('reports plain conjunctions and their equalities for index use', () => {
    const q = compileQuery(['?name=ether1', '?mtu=1500']);
    expect(q.conjunctive).toBe(true);
    expect(q.equalities).toEqual([
      { name: 'name', value: 'ether1' },
      { name: 'mtu', value: '1500' },
    ]);
    expect(compileQuery(['?a=1', '?b=2', '?#|']).conjunctive).toBe(false);
  });
});
