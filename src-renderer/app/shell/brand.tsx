import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconBroadcast } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function Brand({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={size === 'lg' ? 40 : 32} radius="md" variant="gradient" gradient={{ from: 'brand.6', to: 'cyan.5', deg: 135 }}>
        <IconBroadcast size={size === 'lg' ? 24 : 20} />
      </ThemeIcon>
      <Text fw={700} fz={size === 'lg' ? 24 : 18} style={{ letterSpacing: -0.3 }}>{t('app.name')}</Text>
    </Group>
  );
}
