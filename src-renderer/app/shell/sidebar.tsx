import { Badge, NavLink, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roleName } from '../../features/auth/role-text';
import { visibleAreas } from '../areas';
import { href, useLocation } from '../router';
import { paths } from '../paths';
import { usePrincipal, useScope } from '../scope-context';

/** Only the areas that exist and that the signed-in role may open (from the shared matrix). */
export function Sidebar({ onNavigate, iconsOnly = false }: { onNavigate?: () => void; iconsOnly?: boolean }) {
  const { t } = useTranslation();
  const scope = useScope();
  const principal = usePrincipal();
  const location = useLocation();
  const current = location.segments[0] === 'platform' ? location.segments[1] : location.segments[2];
  if (!scope) return null;
  return (
    <Stack justify="space-between" h="100%" gap="md">
      <nav aria-label={t('nav.label')}>
        <Stack gap={4}>
          {visibleAreas(principal).map((area) => {
            const Icon = area.icon;
            const label = t(area.labelKey);
            return (
              <Tooltip key={area.id} label={label} position="right" disabled={!iconsOnly}>
                <NavLink
                  component="a"
                  href={href(paths.area(scope, area.path))}
                  label={iconsOnly ? undefined : label}
                  aria-label={label}
                  leftSection={<Icon size={iconsOnly ? 22 : 18} stroke={1.7} />}
                  active={current === area.path}
                  onClick={onNavigate}
                  variant="light"
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              </Tooltip>
            );
          })}
        </Stack>
      </nav>
      {!iconsOnly && <Paper p="sm" radius="md" bg="var(--mantine-color-default-hover)" withBorder={false}>
        {principal.kind === 'platform' ? (
          <>
            <Text size="xs" c="dimmed">{t('shell.signedInAs')}</Text>
            <Text size="sm" fw={600}>{t('shell.platformAdmin')}</Text>
          </>
        ) : (
          <>
            <Text size="xs" c="dimmed">{t('shell.workingIn')}</Text>
            <Text size="sm" fw={600} truncate>{principal.tenant.name}</Text>
            <Stack gap={2} mt={6} align="flex-start">
              {principal.roles.map((r) => <Badge key={r} size="xs" variant="outline">{roleName(r)}</Badge>)}
            </Stack>
          </>
        )}
      </Paper>}
    </Stack>
  );
}
