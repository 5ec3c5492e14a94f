import { ActionIcon, Menu } from '@mantine/core';
import { IconCheck, IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import type { MantineColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useColorSchemeChoice } from '../color-scheme';

const ICONS = { light: IconSun, dark: IconMoon, auto: IconDeviceDesktop } as const;

export function ColorSchemeMenu() {
  const { t } = useTranslation();
  const { value, choose } = useColorSchemeChoice();
  const Current = ICONS[value];
  const options: MantineColorScheme[] = ['light', 'dark', 'auto'];
  return (
    <Menu position="bottom-end" width={200}>
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label={t('theme.label')}>
          <Current size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('theme.label')}</Menu.Label>
        {options.map((o) => {
          const Icon = ICONS[o];
          return (
            <Menu.Item key={o} leftSection={<Icon size={16} />} rightSection={o === value ? <IconCheck size={14} /> : null} onClick={() => choose(o)}>
              {t(`theme.${o}`)}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
