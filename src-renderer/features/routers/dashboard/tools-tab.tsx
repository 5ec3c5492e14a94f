import { Alert, Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconLock, IconRadar } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { routersChannels, type pingReply } from '@shared/contract/routers';
import type { OutputOf } from '@shared/contract';
import { showServerError } from '../../../app/form-errors';
import { useCall } from '../../../app/scope-context';
import { FormError } from '../../../components/form-error';
import { SimpleTable, TabHeader, useRouterAccess, type SimpleColumn } from './tab-kit';
import type { RouterTabProps } from './tabs';
import { formatRtt } from './values';

const schema = routersChannels['routers.ping'].input.omit({ routerId: true }).required();
type Values = z.input<typeof schema>;
type Reply = z.infer<typeof pingReply>;
type Result = OutputOf<'routers.ping'> & { address: string };

function Stat({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="xl" fw={700} c={color}>{value}</Text>
    </Paper>
  );
}

/** Diagnostic tools run on the router itself; today: ping an address from the router. */
export function ToolsTab({ router }: RouterTabProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const { canOperate } = useRouterAccess();
  const [result, setResult] = useState<Result | null>(null);
  const form = useForm<Values, unknown, Values>({ resolver: zodResolver(schema, undefined, { raw: true }), defaultValues: { address: '', count: 4 } });
  const busy = form.formState.isSubmitting;

  const submit = form.handleSubmit(async (v) => {
    setResult(null);
    try {
      const r = await callIn('routers.ping', { routerId: router.id, ...v });
      setResult({ ...r, address: v.address.trim() });
    } catch (e) {
      showServerError(e, form);
    }
  });

  const columns = useMemo<SimpleColumn<Reply>[]>(() => [
    { id: 'seq', header: t('routerTabs.tools.col.seq'), align: 'right', width: 60, cell: (r) => <Text size="sm" c="dimmed">{r.seq}</Text> },
    { id: 'host', header: t('routerTabs.tools.col.host'), cell: (r) => <Text size="sm" ff="monospace">{r.host || '—'}</Text> },
    {
      id: 'time',
      header: t('routerTabs.tools.col.time'),
      nowrap: true,
      cell: (r) => r.time !== null && !r.status
        ? <Text size="sm" fw={500}>{formatRtt(r.time)}</Text>
        : <Badge size="sm" color="red" variant="light" tt="none">{r.status ?? t('routerTabs.tools.timeout')}</Badge>,
    },
    { id: 'ttl', header: t('routerTabs.tools.col.ttl'), align: 'right', cell: (r) => <Text size="sm">{r.ttl ?? '—'}</Text> },
    { id: 'size', header: t('routerTabs.tools.col.size'), align: 'right', cell: (r) => <Text size="sm">{r.size ?? '—'}</Text> },
  ], [t]);

  if (!canOperate) {
    return (
      <Alert variant="light" color="gray" icon={<IconLock size={18} />} title={t('routerTabs.tools.noAccessTitle')}>
        {t('routerTabs.tools.noAccessBody')}
      </Alert>
    );
  }

  const lossColor = result && result.packetLossPercent === 0 ? 'green' : result && result.packetLossPercent < 100 ? 'orange' : 'red';

  return (
    <Stack gap="lg">
      <Paper radius="md" p="md">
        <Stack gap="md">
          <TabHeader title={t('routerTabs.tools.pingTitle')} description={t('routerTabs.tools.pingIntro', { router: router.name })} />
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Stack gap="sm">
              <Group align="flex-start" gap="sm" wrap="wrap">
                <TextInput
                  label={t('routerTabs.tools.address')}
                  placeholder={t('examples.pingAddress')}
                  description={t('routerTabs.tools.addressHint')}
                  {...form.register('address')}
                  error={form.formState.errors.address?.message}
                  w={{ base: '100%', sm: 320 }}
                />
                <Controller
                  control={form.control}
                  name="count"
                  render={({ field, fieldState }) => (
                    <NumberInput
                      ref={field.ref}
                      label={t('routerTabs.tools.count')}
                      description={t('routerTabs.tools.countHint')}
                      min={1}
                      max={20}
                      clampBehavior="strict"
                      allowDecimal={false}
                      value={field.value}
                      onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v) || 1)}
                      onBlur={field.onBlur}
                      error={fieldState.error?.message}
                      w={140}
                    />
                  )}
                />
                <Button type="submit" loading={busy} leftSection={<IconRadar size={16} />} mt={{ base: 0, sm: 44 }}>{t('routerTabs.tools.ping')}</Button>
              </Group>
              {busy && <Text size="sm" c="dimmed">{t('routerTabs.tools.pinging', { n: form.getValues('count') })}</Text>}
              <FormError form={form} />
            </Stack>
          </form>
        </Stack>
      </Paper>
      {result && (
        <Stack gap="md">
          <Title order={4}>{t('routerTabs.tools.resultTitle', { address: result.address })}</Title>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Stat label={t('routerTabs.tools.sent')} value={String(result.sent)} />
            <Stat label={t('routerTabs.tools.received')} value={String(result.received)} />
            <Stat label={t('routerTabs.tools.loss')} value={`${result.packetLossPercent}%`} color={lossColor} />
            <Stat label={t('routerTabs.tools.avgRtt')} value={formatRtt(result.avgRtt) ?? '—'} />
          </SimpleGrid>
          <SimpleTable
            label={t('routerTabs.tools.repliesTable')}
            columns={columns}
            rows={result.replies}
            getRowId={(r) => String(r.seq)}
            loading={false}
            minWidth={480}
            empty={<Text size="sm" c="dimmed" ta="center" py="md">{t('routerTabs.tools.noReplies')}</Text>}
          />
        </Stack>
      )}
    </Stack>
  );
}
