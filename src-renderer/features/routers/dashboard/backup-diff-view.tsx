import { Badge, Box, Group, Paper, ScrollArea, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toDiffRows, type DiffLineIn } from './diff-rows';

const ROW_BG = { add: 'var(--mantine-color-green-light)', del: 'var(--mantine-color-red-light)', same: undefined } as const;
const SIGN_COLOR = { add: 'var(--mantine-color-green-text)', del: 'var(--mantine-color-red-text)', same: 'var(--mantine-color-dimmed)' } as const;

const cell = { padding: '0 8px', whiteSpace: 'pre' as const, verticalAlign: 'top' as const };
const numCell = { ...cell, textAlign: 'right' as const, color: 'var(--mantine-color-dimmed)', userSelect: 'none' as const, width: 1 };

/** "+N −M" for a comparison. */
export function DiffCounts({ added, removed }: { added: number; removed: number }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} aria-label={t('routerTabs.backups.countsLabel', { added, removed })}>
      <Badge color="green" variant="light" size="lg" tt="none">+{added}</Badge>
      <Badge color="red" variant="light" size="lg" tt="none">−{removed}</Badge>
    </Group>
  );
}

/** A unified diff: old and new line numbers, + added (green), − removed (red), collapsed unchanged runs. */
export function DiffView({ lines }: { lines: DiffLineIn[] }) {
  const { t } = useTranslation();
  const rows = useMemo(() => toDiffRows(lines), [lines]);
  return (
    <Paper withBorder radius="md" p={0}>
      <ScrollArea.Autosize mah="65vh" type="auto">
        <Box component="table" role="table" aria-label={t('routerTabs.backups.diffTable')} ff="monospace" fz="xs" style={{ borderCollapse: 'collapse', width: '100%', lineHeight: 1.6 }}>
          <thead>
            <tr style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
              <Box component="th" style={numCell} fw={600}>{t('routerTabs.backups.oldLine')}</Box>
              <Box component="th" style={numCell} fw={600}>{t('routerTabs.backups.newLine')}</Box>
              <Box component="th" style={{ ...cell, width: 1 }} />
              <Box component="th" style={{ ...cell, textAlign: 'left' }} fw={600}>{t('routerTabs.backups.line')}</Box>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) =>
              r.kind === 'skip' ? (
                <tr key={i} data-kind="skip" style={{ background: 'var(--mantine-color-default-hover)' }}>
                  <td colSpan={4} style={{ ...cell, textAlign: 'center', padding: '2px 8px' }}>
                    <Text span size="xs" c="dimmed" fs="italic">{t('routerTabs.backups.unchangedLines', { count: r.hidden })}</Text>
                  </td>
                </tr>
              ) : (
                <tr key={i} data-kind={r.kind} style={{ background: ROW_BG[r.kind] }}>
                  <td style={numCell}>{r.oldNo ?? ''}</td>
                  <td style={numCell}>{r.newNo ?? ''}</td>
                  <td style={{ ...cell, width: 1, color: SIGN_COLOR[r.kind], fontWeight: 700 }}>{r.sign}</td>
                  <td style={cell}>{r.text}</td>
                </tr>
              ),
            )}
          </tbody>
        </Box>
      </ScrollArea.Autosize>
    </Paper>
  );
}
