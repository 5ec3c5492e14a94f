import { Alert, Button, Group, Modal, NumberInput, Progress, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { PERIOD_UNITS, type PeriodUnit } from '@shared/domain/billing-period';
import { useCall } from '../../app/scope-context';
import { useEvent } from '../../app/use-event';
import { toApiError } from '../../app/use-rpc';
import { ErrorAlert } from '../../components/error-alert';
import { usePackageOptions, type RouterOption } from '../packages/use-router-options';
import { BulkPreviewTable } from './bulk-preview-table';
import { BULK_ACTIONS, bulkOperationOf, type BulkActionKind, type BulkChoice } from './bulk-values';

interface BulkModalProps {
  opened: boolean;
  ids: string[];
  routers: RouterOption[];
  onClose: () => void;
  onApplied: () => void;
}

const START: BulkChoice = { action: 'extend', count: 1, unit: 'weeks', packageId: '', routerId: '' };

/** Bulk action on the selected rows: choose → dry-run preview (exact rows, before → after) → apply → counts. */
export function BulkModal({ opened, ids, routers, onClose, onApplied }: BulkModalProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const [choice, setChoice] = useState<BulkChoice>(START);
  const [preview, setPreview] = useState<OutputOf<'subscribers.bulk.preview'> | null>(null);
  const [result, setResult] = useState<OutputOf<'subscribers.bulk.apply'> | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEvent('subscribers.bulk-progress', (p) => { if (preview && p.token === preview.token) setProgress(p); });
  const [error, setError] = useState<{ message: string } | null>(null);
  const packages = usePackageOptions(choice.action === 'moveRouter' ? choice.routerId || null : null);
  useEffect(() => {
    if (opened) { setChoice(START); setPreview(null); setResult(null); setError(null); setProgress(null); }
  }, [opened]);

  const update = (patch: Partial<BulkChoice>) => { setChoice((c) => ({ ...c, ...patch })); setPreview(null); };
  const operation = bulkOperationOf(choice);

  const run = async (step: 'preview' | 'apply') => {
    if (!operation) return;
    setBusy(step);
    setError(null);
    setProgress(null);
    try {
      if (step === 'preview') setPreview(await callIn('subscribers.bulk.preview', { ids, operation }));
      else if (preview) {
        setResult(await callIn('subscribers.bulk.apply', { ids, operation, token: preview.token }));
        onApplied();
      }
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('bulk.title', { count: ids.length })} size="xl" closeOnClickOutside={busy === null}>
      <Stack gap="md">
        {result ? (
          <Alert color="green" variant="light" title={t('bulk.doneTitle')}>{t('bulk.doneBody', { applied: result.applied, skipped: result.skipped })}</Alert>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('bulk.action')}
                data={BULK_ACTIONS.map((a) => ({ value: a, label: t(`bulk.actions.${a}`) }))}
                value={choice.action}
                onChange={(v) => v && update({ action: v as BulkActionKind })}
                allowDeselect={false}
              />
              {choice.action === 'extend' && (
                <>
                  <NumberInput label={t('subscribers.extendCount')} value={choice.count} onChange={(v) => update({ count: v })} min={1} max={1000} allowDecimal={false} />
                  <Select
                    label={t('subscribers.extendUnit')}
                    data={PERIOD_UNITS.map((u) => ({ value: u, label: t(`packages.unitName.${u}`) }))}
                    value={choice.unit}
                    onChange={(v) => v && update({ unit: v as PeriodUnit })}
                    allowDeselect={false}
                  />
                </>
              )}
              {choice.action === 'moveRouter' && (
                <Select label={t('bulk.targetRouter')} data={routers} value={choice.routerId || null} onChange={(v) => update({ routerId: v ?? '', packageId: '' })} />
              )}
              {(choice.action === 'changePackage' || choice.action === 'moveRouter') && (
                <Select label={t('bulk.targetPackage')} data={packages.options} value={choice.packageId || null} onChange={(v) => update({ packageId: v ?? '' })} clearable={choice.action === 'moveRouter'} />
              )}
            </SimpleGrid>
            {preview ? <BulkPreviewTable preview={preview} /> : <Text size="sm" c="dimmed">{t('bulk.previewFirst')}</Text>}
          </>
        )}
        {busy === 'apply' && (
          <Progress value={progress ? (100 * progress.done) / Math.max(progress.total, 1) : 0} striped animated aria-label={t('bulk.applying')} />
        )}
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy !== null}>{t(result ? 'common.close' : 'common.cancel')}</Button>
          {!result && !preview && <Button onClick={() => void run('preview')} loading={busy === 'preview'} disabled={!operation}>{t('bulk.preview')}</Button>}
          {!result && preview && (
            <Button onClick={() => void run('apply')} loading={busy === 'apply'} disabled={preview.changing === 0}>{t('bulk.apply', { count: preview.changing })}</Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
