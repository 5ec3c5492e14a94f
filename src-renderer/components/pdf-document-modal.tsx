import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconExternalLink, IconPrinter } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import type { PrinterChoice } from '@shared/contract/bridge';
import { downloadBlob } from '../app/files';
import { canPrintDirectly, listPrinters, pdfBlob, printPdf } from '../app/pdf-file';
import { ErrorAlert } from './error-alert';

/** What a document channel answers with: the PDF travels as base64 (receipts and invoices are a few KB). */
export interface PdfPayload {
  fileName: string;
  pdfBase64: string;
}

export interface PdfModalLabels {
  printer: string;
  printerDialog: string;
  save: string;
  print: string;
  open: string;
  printed: string;
}

interface PdfDocumentModalProps {
  opened: boolean;
  title: string;
  labels: PdfModalLabels;
  /** Fetches the PDF as it should be now (format chosen in `children`, if any). */
  fetchPdf: () => Promise<PdfPayload>;
  /** Named in the "sent to the printer" notice. */
  name: string;
  onClose: () => void;
  /** Choices above the buttons (a receipt's paper format). */
  children?: ReactNode;
}

/**
 * The one PDF dialog of the app (receipts and invoices): save the PDF anywhere; where the host prints
 * directly (the desktop app's `print` capability) pick a printer and print, else open it in a new tab.
 */
export function PdfDocumentModal({ opened, title, labels, fetchPdf, name, onClose, children }: PdfDocumentModalProps) {
  const direct = canPrintDirectly();
  const [printers, setPrinters] = useState<PrinterChoice[] | null>(null);
  const [printer, setPrinter] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string } | null>(null);

  useEffect(() => {
    setError(null);
    if (!opened || !direct || printers) return;
    listPrinters().then(setPrinters, (e: unknown) => setError(e as { message: string }));
  }, [opened, direct, printers]);

  /** Fetches the PDF and hands it to `what`; false (with the error shown) when that failed. */
  const run = async (what: (r: PdfPayload) => Promise<void> | void): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await what(await fetchPdf());
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
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack gap="md">
        {children}
        {direct && (
          <Select label={labels.printer} placeholder={labels.printerDialog} clearable
            data={(printers ?? []).map((p) => ({ value: p.name, label: p.displayName }))} value={printer} onChange={setPrinter} />
        )}
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy} onClick={() => void run((r) => downloadBlob(r.fileName, pdfBlob(r.pdfBase64)))}>
            {labels.save}
          </Button>
          {direct ? (
            <Button leftSection={<IconPrinter size={16} />} loading={busy} onClick={() => void run(async (r) => {
              if (await printPdf(r.pdfBase64, printer)) notifications.show({ color: 'green', title: labels.printed, message: name });
            })}>
              {labels.print}
            </Button>
          ) : (
            <Button leftSection={<IconExternalLink size={16} />} loading={busy} onClick={open}>{labels.open}</Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
