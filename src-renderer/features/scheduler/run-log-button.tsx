import { Button, Code, Popover, ScrollArea, Text } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { JobRun } from '@shared/contract/scheduler';

/** A run's log lines (and its failure text) in a popover; lines are developer text, shown as written. */
export function RunLogButton({ run }: { run: JobRun }) {
  const { t } = useTranslation();
  const text = [run.log, run.error && !run.log.includes(run.error) ? run.error : ''].filter(Boolean).join('\n');
  return (
    <Popover width={560} position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Button variant="subtle" size="compact-sm" leftSection={<IconFileText size={14} />}>{t('scheduler.showLog')}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        {text ? (
          <ScrollArea.Autosize mah={320}>
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{text}</Code>
          </ScrollArea.Autosize>
        ) : (
          <Text size="sm" c="dimmed">{t('scheduler.noLog')}</Text>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
