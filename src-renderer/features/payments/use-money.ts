import { useMemo } from 'react';
import { usePrincipal } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { moneyFormatter } from './payment-format';

/** Shows minor units in the ISP's currency and locale (en-KE: "Ksh 1,500.00"). */
export function useMoney(): (amountMinor: number) => string {
  const principal = usePrincipal();
  const { locale } = useTimeFormat();
  const currency = principal.kind === 'staff' ? principal.tenant.currency : 'KES';
  return useMemo(() => moneyFormatter(currency, locale), [currency, locale]);
}
