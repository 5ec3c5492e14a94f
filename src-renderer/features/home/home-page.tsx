import { Alert, Card, Group, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { visibleAreas } from '../../app/areas';
import { href } from '../../app/router';
import { paths } from '../../app/paths';
import { usePrincipal, useScope } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { useNow } from '../routers/hooks';
import { roleName } from '../auth/role-text';
import { GettingStarted } from './getting-started';
import { HomeBackups, HomeFigures } from './home-figures';
import { HomeMoneyFigures } from './home-money';
import { HomeShiftCard } from './home-shift';
import { HomeSubscriberFigures } from './home-subscribers';
import { useHomeSummary } from './use-home-summary';

/**
 * Staff landing page: live figures of the network for those who may see routers, money figures for those who may
 * read payments, the cash drawer for cashiers, a first-steps list, the areas.
 */
export function HomePage() {
  const { t } = useTranslation();
  const scope = useScope();
  const principal = usePrincipal();
  const permissions = principal.kind === 'staff' ? principal.permissions : [];
  const seesRouters = permissions.includes('routers.read');
  const summary = useHomeSummary(seesRouters);
  const staff = useRpc('staff.list', { page: 1, pageSize: 1 }, { enabled: permissions.includes('staff.read') });
  const now = useNow(15_000);
  if (principal.kind !== 'staff' || !scope) return null;
  const areas = visibleAreas(principal).filter((a) => a.id !== 'home');
  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <Title order={2}>{t('home.welcome', { name: principal.fullName })}</Title>
        <Text c="dimmed" size="sm">{t('home.subtitle', { tenant: principal.tenant.name, roles: principal.roles.map(roleName).join(', ') })}</Text>
      </Stack>
      {permissions.includes('subscribers.read') && <HomeSubscriberFigures scope={scope} />}
      {permissions.includes('payments.read') && <HomeMoneyFigures scope={scope} currency={principal.tenant.currency} timeZone={principal.tenant.timezone} />}
      {principal.roles.includes('CASHIER') && permissions.includes('payments.collect') && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md"><HomeShiftCard currency={principal.tenant.currency} /></SimpleGrid>
      )}
      {seesRouters && summary.error && !summary.data && <Alert color="red" variant="light">{summary.error.message}</Alert>}
      {seesRouters && !summary.data && !summary.error && <Skeleton h={96} radius="md" />}
      {seesRouters && summary.data && (
        <>
          <HomeFigures scope={scope} summary={summary.data} now={now} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {permissions.includes('routers.manage') && <GettingStarted scope={scope} summary={summary.data} staffCount={staff.data?.total} />}
            <HomeBackups scope={scope} summary={summary.data} now={now} />
          </SimpleGrid>
        </>
      )}
      <Stack gap="sm">
        <Title order={4}>{t('home.areasTitle')}</Title>
        {areas.length === 0 ? (
          <Text c="dimmed" size="sm">{t('home.noAreas')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            {areas.map((area) => {
              const Icon = area.icon;
              return (
                <Card key={area.id} component="a" href={href(paths.area(scope, area.path))} withBorder radius="md" padding="sm">
                  <Group wrap="nowrap" gap="sm">
                    <ThemeIcon variant="light" size={32} radius="md"><Icon size={18} /></ThemeIcon>
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text fw={600} size="sm">{t(area.labelKey)}</Text>
                      <Text size="xs" c="dimmed" lineClamp={1}>{t(area.descriptionKey)}</Text>
                    </Stack>
                  </Group>
                </Card>
              );
            })}
          </SimpleGrid>
        )}
      </Stack>
    </Stack>
  );
}
