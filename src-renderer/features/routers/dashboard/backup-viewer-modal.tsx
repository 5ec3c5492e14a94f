import { Badge, Button, Code, CopyButton, Group, Modal, ScrollArea, Skeleton, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RouterSummary } from '@shared/contract/routers';
import { formatBytes } from '../../../app/format';
import { useRpc } from '../../../app/use-rpc';
import { ErrorAlert } from '../../../components/error-alert';
import { backupFileName } from './values';
import { downloadText } from '../../../app/files';
import { useTimeFormat } from '../../../app/time-format';


interface BackupViewerModalProps {
  router: RouterSummary;
  backupId: string;
  onClose: () => void;
}

/** One configuration version in a scrollable monospace viewer, with Copy and Save .rsc. */
export function BackupViewerModal({ router, backupId, onClose }: BackupViewerModalProps) {
  const tf = useTimeFormat();
  const { t } = useTranslation();
  const backup = useRpc('routers.backups.get', { backupId });
  const b = backup.data;
  return (
    <Modal opened onClose={onClose} size="90%" title={b ? t('routerTabs.backups.viewTitle', { when: tf.dateTime(b.fetchedAt) }) : t('routerTabs.backups.viewLoading')}>
      <Stack gap="md">
        <ErrorAlert error={backup.error} onRetry={backup.reload} />
        {!b && !backup.error && <Skeleton height={320} radius="md" />}
        {b && (
          <>
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Group gap="xs">
                <Badge variant="light" color="gray" tt="none">{t('routerTabs.backups.linesCount', { count: b.lineCount })}</Badge>
                <Badge variant="light" color="gray" tt="none">{formatBytes(b.sizeBytes)}</Badge>
                {b.routerOsVersion && <Badge variant="light" color="gray" tt="none">RouterOS {b.routerOsVersion}</Badge>}
                <Text size="xs" c="dimmed">{t(b.secrets === 'included' ? 'routerTabs.backups.sensitiveIncluded' : 'routerTabs.backups.sensitiveHidden')}</Text>
              </Group>
              <Group gap="sm">
                <CopyButton value={b.content} timeout={2000}>
                  {({ copied, copy }) => (
                    <Button variant="default" leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} color={copied ? 'green' : undefined} onClick={copy}>
                      {copied ? t('routerTabs.backups.copied') : t('routerTabs.backups.copy')}
                    </Button>
                  )}
                </CopyButton>
                <Button leftSection={<IconDownload size={16} />} onClick={() => downloadText(backupFileName(router.name, b.fetchedAt), b.content)}>
                  {t('routerTabs.backups.save')}
                </Button>
              </Group>
            </Group>
            <ScrollArea h="65vh" type="auto" offsetScrollbars>
              <Code block fz="xs" aria-label={t('routerTabs.backups.contentLabel')} style={{ whiteSpace: 'pre', minHeight: '100%' }}>{b.content}</Code>
            </ScrollArea>
          </>
        )}
      </Stack>
    </Modal>
  );
}
