import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { visibleAreas } from '../../app/areas';
import { href } from '../../app/router';
import { paths } from '../../app/paths';
import { usePrincipal, useScope } from '../../app/scope-context';
import { RoleBadges } from '../auth/role-badges';
import { rolePermissionLabels } from '../auth/role-text';

/** Staff landing page: who you are here, and the areas your role opens (a short list for a cashier). */
export function HomePage() {
  const { t } = useTranslation();
  const scope = useScope();
  const principal = usePrincipal();
  if (principal.kind !== 'staff' || !scope) return null;
  const areas = visibleAreas(principal).filter((a) => a.id !== 'home');
  const allowed = [...new Set(principal.roles.flatMap(rolePermissionLabels))];
  return (
    <Stack gap="xl">
      <Stack gap={6}>
        <Title order={2}>{t('home.welcome', { name: principal.fullName })}</Title>
        <Group gap="xs">
          <Text c="dimmed">{t('home.signedInTo', { tenant: principal.tenant.name })}</Text>
          <RoleBadges roles={principal.roles} />
        </Group>
      </Stack>

      <Stack gap="sm">
        <Title order={4}>{t('home.areasTitle')}</Title>
        {areas.length === 0 ? (
          <Text c="dimmed" size="sm">{t('home.noAreas')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {areas.map((area) => {
              const Icon = area.icon;
              return (
                <Card key={area.id} component="a" href={href(paths.area(scope, area.path))} withBorder radius="md" padding="lg">
                  <Group wrap="nowrap" align="flex-start">
                    <ThemeIcon variant="light" size={40} radius="md"><Icon size={22} /></ThemeIcon>
                    <Stack gap={2}>
                      <Text fw={600}>{t(area.labelKey)}</Text>
                      <Text size="sm" c="dimmed">{t(area.descriptionKey)}</Text>
                    </Stack>
                  </Group>
                </Card>
              );
            })}
          </SimpleGrid>
        )}
      </Stack>

      <Card withBorder radius="md" padding="lg">
        <Title order={4} mb={4}>{t('home.permissionsTitle')}</Title>
        <Text size="sm" c="dimmed" mb="sm">{t('home.permissionsBody')}</Text>
        <Group gap="xs">
          {allowed.map((label) => (
            <Text key={label} size="sm" px="sm" py={4} bg="var(--mantine-color-default-hover)" style={{ borderRadius: 'var(--mantine-radius-xl)' }}>
              {label}
            </Text>
          ))}
        </Group>
      </Card>
    </Stack>
  );
}
