import { Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { href } from '../../app/router';

/** One Home figure: a card linking to the screen it summarises (its accessible name reads "label: value"). */
export function Figure({ icon: I, color, label, value, detail, to }: { icon: Icon; color: string; label: string; value: string; detail?: ReactNode; to: string }) {
  return (
    <Card component="a" href={href(to)} withBorder radius="md" padding="md" aria-label={`${label}: ${value}`}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <ThemeIcon variant="light" color={color} size={32} radius="md"><I size={18} /></ThemeIcon>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed" fw={500}>{label}</Text>
          <Text fz={22} fw={700} lh={1.25}>{value}</Text>
          {detail && <Text size="xs" c="dimmed" component="div">{detail}</Text>}
        </Stack>
      </Group>
    </Card>
  );
}
