import { Alert, Box, List, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/contract';
import type { VoucherLayout } from '@shared/domain/voucher-print';
import { useRpc } from '../../app/use-rpc';
import { ErrorAlert } from '../../components/error-alert';

interface TemplatePreviewProps {
  html: string;
  layout: VoucherLayout;
  dnsName: string;
  batchId: string | null;
}

/**
 * The card as it prints, on the first vouchers of a batch, re-rendered shortly after typing stops. Main
 * checks and sanitises the HTML and answers a whole document; it is shown in an iframe with `sandbox=""`
 * (no scripts, no forms, no access to the app) through `srcdoc`, so even a missed trick could do nothing.
 */
export function TemplatePreview({ html, layout, dnsName, batchId }: TemplatePreviewProps) {
  const { t } = useTranslation();
  // Debounced as a string: a new object every render would restart the timer forever.
  const [key] = useDebouncedValue(JSON.stringify({ html, layout, dnsName, ...(batchId ? { batchId } : {}), count: 4 }), 400);
  const preview = useRpc('hotspot.templates.preview', JSON.parse(key) as InputOf<'hotspot.templates.preview'>);
  const data = preview.data;
  return (
    <Stack gap="xs" h="100%">
      <Text size="sm" fw={600}>
        {t('voucherTemplates.editor.preview')}{' '}
        {preview.loading && <Loader size="xs" />}
      </Text>
      {data && <Text size="xs" c="dimmed">{data.batch ? t('voucherTemplates.editor.previewOf', { batch: data.batch.comment }) : t('voucherTemplates.editor.previewSample')}</Text>}
      {preview.error && <ErrorAlert error={preview.error} />}
      {data && data.issues.length > 0 && (
        <Alert color="red" title={t('voucherTemplates.editor.problems')}>
          <List size="sm">
            {data.issues.map((i) => <List.Item key={`${i.problem}|${i.detail}`}>{t(`voucherTemplates.problem.${i.problem}`, { detail: i.detail, interpolation: { escapeValue: false } })}</List.Item>)}
          </List>
        </Alert>
      )}
      {data && data.document !== '' && (
        <Box component="iframe" title={t('voucherTemplates.editor.previewFrame')} sandbox="" srcDoc={data.document}
          style={{ flex: 1, minHeight: 420, width: '100%', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4, background: '#f1f3f5' }} />
      )}
    </Stack>
  );
}
