import { Alert, Anchor, Button, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/paths';
import { href, navigate, useLocation } from '../../app/router';
import { usePrincipal, useScope } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useTableQuery } from '../../components/use-table-query';
import { useRouterOptions } from '../packages/use-router-options';
import { AdoptionApplyModal, type AdoptionResult } from './adoption-apply';
import { AdoptionPackages } from './adoption-packages';
import { adoptionPrices } from './adoption-prices';
import { adoptionPath } from './adoption-route';
import { AdoptionRows, type AdoptionSort } from './adoption-rows';
import { AdoptionStaticRows } from './adoption-static-rows';

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper p="sm" radius="md" withBorder aria-label={label}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="xl" fw={700} c={value > 0 ? color : undefined}>{value}</Text>
    </Paper>
  );
}

/** One-click adoption: preview what a router's secrets and profiles become, set prices, apply with progress. */
export function AdoptionPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const principal = usePrincipal();
  const location = useLocation();
  const canManage = principal.kind === 'staff' && principal.permissions.includes('subscribers.manage');
  const currency = principal.kind === 'staff' ? principal.tenant.currency : 'KES';
  const routers = useRouterOptions();
  const routerId = location.query.get('router');
  const routerName = routers.names.get(routerId ?? '') ?? '';
  const query = useTableQuery<AdoptionSort, { onlySkipped: boolean | undefined }>({ filters: { onlySkipped: undefined } });
  const [staticPage, setStaticPage] = useState(1);
  const preview = useRpc('adoption.preview', { ...query.input, routerId: routerId ?? '', staticPage }, { enabled: canManage && routerId !== null });
  const [priceTexts, setPriceTexts] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<AdoptionResult | null>(null);
  const listPath = scope ? paths.area(scope, 'subscribers') : '/';
  const { prices, invalid } = adoptionPrices(priceTexts, currency);
  const counts = preview.data?.counts;
  const nothingNew = counts !== undefined && counts.toAdopt === 0 && counts.packagesToCreate === 0 && counts.staticToAdopt === 0 && counts.staticPackagesToCreate === 0;

  const chooseRouter = (id: string | null) => {
    if (!scope) return;
    setResult(null);
    setPriceTexts({});
    setStaticPage(1);
    navigate(adoptionPath(scope, id ?? undefined), { replace: true });
  };

  return (
    <Stack gap="lg">
      <Anchor href={href(listPath)} size="sm"><Group gap={4}><IconArrowLeft size={14} />{t('adoption.back')}</Group></Anchor>
      <PageHeader title={t('adoption.title')} description={t('adoption.intro')} />
      {!canManage && <Alert color="yellow" variant="light">{t('adoption.noAccess')}</Alert>}
      {canManage && (
        <Select label={t('adoption.router')} placeholder={t('adoption.chooseRouter')} data={routers.options} value={routerId} onChange={chooseRouter} w={320} searchable />
      )}
      {result && (
        <Alert color="green" variant="light" title={t('adoption.doneTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('adoption.doneBody', { subscribers: result.subscribersCreated + result.staticSubscribersCreated, packages: result.packagesCreated, skipped: result.skipped + result.staticSkipped })}</Text>
            <Button size="xs" variant="light" onClick={() => navigate(listPath)}>{t('adoption.openSubscribers')}</Button>
          </Stack>
        </Alert>
      )}
      <ErrorAlert error={preview.error} onRetry={preview.reload} />
      {routerId && !preview.data && preview.loading && <Skeleton height={200} />}
      {counts && routerId && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Count label={t('adoption.counts.secrets')} value={counts.secrets} />
            <Count label={t('adoption.counts.toAdopt')} value={counts.toAdopt} color="green" />
            <Count label={t('adoption.counts.packagesToCreate')} value={counts.packagesToCreate} color="green" />
            <Count label={t('adoption.counts.skipped')} value={counts.skipped} color="orange" />
            {counts.staticQueues + counts.staticLeases > 0 && <Count label={t('adoption.counts.staticToAdopt')} value={counts.staticToAdopt} color="green" />}
          </SimpleGrid>
          {(counts.staticQueues > 0 || counts.staticLeases > 0) && (
            <Text size="sm" c="dimmed">{t('adoption.staticSeen', { queues: counts.staticQueues, leases: counts.staticLeases })}</Text>
          )}
          {nothingNew && <Alert color="blue" variant="light">{t('adoption.nothingNew')}</Alert>}
          {!nothingNew && (
            <Group>
              <Button leftSection={<IconDownload size={16} />} disabled={invalid.length > 0} onClick={() => setConfirming(true)}>
                {t('adoption.apply', { count: counts.toAdopt + counts.staticToAdopt })}
              </Button>
            </Group>
          )}
          {preview.data && preview.data.packages.length > 0 && (
            <AdoptionPackages
              packages={preview.data.packages}
              currency={currency}
              prices={priceTexts}
              invalid={invalid}
              onPrice={(profile, text) => setPriceTexts((p) => ({ ...p, [profile]: text }))}
            />
          )}
          <AdoptionRows preview={preview} query={query} />
          {preview.data && <AdoptionStaticRows preview={preview.data} page={staticPage} onPage={setStaticPage} />}
        </>
      )}
      {confirming && counts && routerId && (
        <AdoptionApplyModal
          routerId={routerId}
          routerName={routerName}
          counts={counts}
          prices={prices}
          onClose={() => setConfirming(false)}
          onDone={(r) => { setResult(r); setPriceTexts({}); preview.reload(); }}
        />
      )}
    </Stack>
  );
}
