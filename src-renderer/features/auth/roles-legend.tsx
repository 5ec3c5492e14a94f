import { Card, Group, List, SimpleGrid, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '@shared/domain/permissions';
import { RoleBadges } from './role-badges';
import { rolePermissionLabels, roleSummary } from './role-text';

/** What each role may do — generated from the same permission matrix main enforces. */
export function RolesLegend() {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="roles-legend-title">
      <Title order={4} id="roles-legend-title">{t('staff.legendTitle')}</Title>
      <Text size="sm" c="dimmed" mb="md">{t('staff.legendBody')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="lg">
        {ROLES.map((role) => (
          <div key={role}>
            <Group mb={6}><RoleBadges roles={[role]} /></Group>
            {ROLE_PERMISSIONS[role].size === PERMISSIONS.length ? (
              <Text size="sm">{roleSummary(role)}</Text>
            ) : (
              <List size="sm" spacing={2} icon={<IconCheck size={14} color="var(--mantine-color-green-6)" />}>
                {rolePermissionLabels(role).map((label) => <List.Item key={label}>{label}</List.Item>)}
              </List>
            )}
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}
