import { Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconExternalLink, IconPrinter } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECEIPT_FORMATS, type ReceiptFormat } from '@shared/contract/documents';
import type { PrinterChoice } from '@shared/contract/bridge';
import { downloadBlob } from '../../app/files';
import { useCall } from '../../app/scope-context';
import { ErrorAlert } from '../../components/error-alert';
import { canPrintDirectly, listPrinters, pdfBlob, printPdf } from './receipt-file';

interface ReceiptModalProps {
  /** The payment whose receipt is offered; null keeps the modal closed. */
  payment: { id: string; reference: string } | null;
  onClose: () => void;
}

/**
 * A payment's receipt: the format (A4 or a thermal roll), then print it on a chosen printer where the app
 * can (desktop), or open it in a new tab (browser); saving the PDF works everywhere.
 */
export function ReceiptModal({ payment, onClose }: ReceiptModalProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const direct = canPrintDirectly();
  const [format, setFormat] = useState<ReceiptFormat>('80mm');
  const [printers, setPrinters] = useState<PrinterChoice[] | null>(null);
  const [printer, setPrinter] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string } | null>(null);

  useEffect(() => {
    setError(null);
    if (!payment || !direct || printers) return;
    listPrinters().then(setPrinters, (e: unknown) => setError(e as { message: string }));
  }, [payment, direct, printers]);

  /** Fetches the PDF in the chosen format and hands it to `what`; false (with the error shown) when that failed. */
  const run = async (what: (r: { fileName: string; pdfBase64: string }) => Promise<void> | void): Promise<boolean> => {
    if (!payment) return false;
    setBusy(true);
    setError(null);
    try {
      await what(await callIn('payments.receipt.pdf', { paymentId: payment.id, format }));
      return true;
    } catch (e) {
      setError(e as { message: string });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const open = () => {
    // Opened before the PDF arrives: a tab opened after an await is what pop-up blockers stop.
    const tab = window.open('', '_blank');
    void run((r) => {
      const url = URL.createObjectURL(pdfBlob(r.pdfBase64));
      if (tab) tab.location.href = url;
      else downloadBlob(r.fileName, pdfBlob(r.pdfBase64));
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }).then((ok) => {
      if (!ok) tab?.close();
    });
  };

  return (
    <Modal opened={payment !== null} onClose={onClose} title={t('payments.receipt.title', { reference: payment?.reference ?? '' })}>
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500}>{t('payments.receipt.format')}</Text>
          <SegmentedControl value={format} onChange={(v) => setFormat(v as ReceiptFormat)} aria-label={t('payments.receipt.format')}
            data={RECEIPT_FORMATS.map((f) => ({ value: f, label: t(`payments.receipt.formatName.${f}`) }))} />
        </Stack>
        {direct && (
          <Select label={t('payments.receipt.printer')} placeholder={t('payments.receipt.printerDialog')} clearable
            data={(printers ?? []).map((p) => ({ value: p.name, label: p.displayName }))} value={printer} onChange={setPrinter} />
        )}
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy} onClick={() => void run((r) => downloadBlob(r.fileName, pdfBlob(r.pdfBase64)))}>
            {t('payments.receipt.save')}
          </Button>
          {direct ? (
            <Button leftSection={<IconPrinter size={16} />} loading={busy} onClick={() => void run(async (r) => {
              if (await printPdf(r.pdfBase64, printer)) notifications.show({ color: 'green', title: t('payments.receipt.printed'), message: payment?.reference ?? '' });
            })}>
              {t('payments.receipt.print')}
            </Button>
          ) : (
            <Button leftSection={<IconExternalLink size={16} />} loading={busy} onClick={open}>{t('payments.receipt.open')}</Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
