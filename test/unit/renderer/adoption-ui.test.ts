import { describe, expect, it } from 'vitest';
import { adoptionChannels } from '@shared/contract/adoption';
import { adoptionPrices } from '../../../src-renderer/features/adoption/adoption-prices';
import { adoptionPath, isAdoptionRoute } from '../../../src-renderer/features/adoption/adoption-route';
import { parseHash } from '../../../src-renderer/app/router';
import { subscriberRoute } from '../../../src-renderer/features/subscribers/subscriber-route';

const ROUTER = '0190a0b0-0000-7000-8000-000000000001';
const TENANT = '0190a0b0-0000-7000-8000-0000000000aa';

describe('adoption prices', () => {
  it('turns typed amounts into minor units per profile and leaves empty boxes out (main prices them at 0)', () => {
    const out = adoptionPrices({ 'HOME-5M': '1,500', 'BIZ-20M': '4500.50', 'FREE': '  ' }, 'KES');
    expect(out).toEqual({ prices: [{ profile: 'HOME-5M', priceMinor: 150_000 }, { profile: 'BIZ-20M', priceMinor: 450_050 }], invalid: [] });
    const input = { routerId: ROUTER, prices: out.prices, confirm: true };
    expect(adoptionChannels['adoption.apply'].input.safeParse(input).success).toBe(true);
  });

  it('names the profiles whose text is not an amount the contract accepts', () => {
    const out = adoptionPrices({ A: 'abc', B: '-5', C: '10.555', D: '20000000', E: '99' }, 'KES');
    expect(out.invalid).toEqual(['A', 'B', 'C', 'D']);
    expect(out.prices).toEqual([{ profile: 'E', priceMinor: 9_900 }]);
  });
});

describe('adoption route', () => {
  it('lives under the subscribers area with the router in the query, and is never read as a subscriber id', () => {
    const loc = parseHash(`#${adoptionPath(TENANT, ROUTER)}`);
    expect(isAdoptionRoute(loc.segments)).toBe(true);
    expect(loc.query.get('router')).toBe(ROUTER);
    expect(isAdoptionRoute(parseHash(`#/t/${TENANT}/subscribers/${ROUTER}`).segments)).toBe(false);
    expect(subscriberRoute(parseHash(`#/t/${TENANT}/subscribers/${ROUTER}`).segments)).toBe(ROUTER);
  });
});
