import { Button, Stack, TextInput } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/contract';
import { usePrincipal } from '../../app/scope-context';
import { StkProgress } from './stk-progress';
import { SubscriberPicker, type PickedSubscriber } from './subscriber-picker';
import { useStkPush } from './use-stk-push';

export interface StkPrefill {
  subscriberId: string | null;
  phone: string;
  amountMinor: number | null;
}

interface StkRequestFormProps {
  prefill: StkPrefill;
  /** The standalone screen lets staff pick a subscriber; the subscriber page has one already. */
  withPicker?: boolean;
  onEnded?: (succeeded: boolean) => void;
}

const wholeAmount = (minor: number | null) => (minor === null ? '' : String(Math.floor(minor / 100)));

/** Phone, amount and account for an STK push, then its progress; the inputs lock while a request is open. */
export function StkRequestForm({ prefill, withPicker = false, onEnded }: StkRequestFormProps) {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const currency = principal.kind === 'staff' ? principal.tenant.currency : 'KES';
  const stk = useStkPush(onEnded);
  const [subscriber, setSubscriber] = useState<PickedSubscriber | null>(null);
  const [phone, setPhone] = useState(prefill.phone);
  const [amount, setAmount] = useState(wholeAmount(prefill.amountMinor));
  const [accountRef, setAccountRef] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [last, setLast] = useState<InputOf<'mpesa.stk.request'> | null>(null);
  const open = stk.phase.kind === 'sending' || stk.phase.kind === 'waiting' || stk.phase.kind === 'lost';

  const whole = /^\d{1,6}$/.test(amount.trim()) ? Number(amount.trim()) : null;
  const send = async (input: InputOf<'mpesa.stk.request'>) => {
    setFields({});
    setLast(input);
    setFields((await stk.send(input)) ?? {});
  };
  const submit = () => {
    if (whole === null) {
      setFields({ amountMinor: t('wallet.amountInvalid') });
      return;
    }
    void send({ subscriberId: subscriber?.id ?? prefill.subscriberId, phone, amountMinor: whole * 100, accountRef: accountRef.trim() || null });
  };

  return (
    <Stack gap="md">
      {withPicker && (
        <SubscriberPicker
          value={subscriber}
          disabled={open}
          onChange={(s) => {
            setSubscriber(s);
            if (s) {
              setPhone(s.phone);
              setAmount(wholeAmount(s.priceMinor));
            }
          }}
        />
      )}
      <TextInput label={t('mpesa.stk.phone')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={fields.phone} disabled={open} inputMode="tel" />
      <TextInput label={t('mpesa.stk.amount', { currency })} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={fields.amountMinor} disabled={open} inputMode="numeric" />
      {withPicker && !subscriber && (
        <TextInput label={t('mpesa.stk.accountRef')} description={t('mpesa.stk.accountRefHint')} value={accountRef} onChange={(e) => setAccountRef(e.currentTarget.value)} error={fields.accountRef} disabled={open} />
      )}
      {(stk.phase.kind === 'idle' || stk.phase.kind === 'refused') && (
        <Button leftSection={<IconSend size={16} />} onClick={submit} disabled={phone.trim() === '' || amount.trim() === ''} style={{ alignSelf: 'flex-start' }}>
          {t('mpesa.stk.send')}
        </Button>
      )}
      {stk.phase.kind === 'sending' && <Button loading disabled style={{ alignSelf: 'flex-start' }}>{t('mpesa.stk.send')}</Button>}
      <StkProgress
        phase={stk.phase}
        onCheckAgain={stk.checkAgain}
        onAgain={() => {
          // After a failure the same request is sent again; after a success the form is ready for another one.
          if (stk.phase.kind === 'ended' && stk.phase.request.status !== 'succeeded' && last) void send(last);
          else stk.reset();
        }}
      />
    </Stack>
  );
}
