import { Badge, Card, Skeleton, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRpc } from '../../../app/use-rpc';
import { ErrorAlert } from '../../../components/error-alert';

/** PPP profiles (speed plans) as the router has them; read only here. */
export function PppProfiles({ routerId }: { routerId: string }) {
  const { t } = useTranslation();
  const profiles = useRpc('routers.ppp.profiles', { routerId });
  const items = profiles.data?.items;
  if (!items) {
    return profiles.error ? <ErrorAlert error={profiles.error} title={t('routers.tabError')} onRetry={profiles.reload} /> : <Skeleton height={200} radius="md" />;
  }
  return (
    <Card radius="md" padding={0}>
      {profiles.error && <ErrorAlert error={profiles.error} title={t('routers.tabStale')} onRetry={profiles.reload} />}
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t('routers.ppp.profilesTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('routers.ppp.col.name')}</Table.Th>
              <Table.Th>{t('routers.ppp.col.rateLimit')}</Table.Th>
              <Table.Th>{t('routers.ppp.col.localAddress')}</Table.Th>
              <Table.Th>{t('routers.ppp.col.remoteAddress')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 && (
              <Table.Tr><Table.Td colSpan={4}><Text c="dimmed" ta="center" py="lg">{t('routers.ppp.profilesEmpty')}</Text></Table.Td></Table.Tr>
            )}
            {items.map((p) => (
              <Table.Tr key={p.id || p.name}>
                <Table.Td>
                  <Text size="sm" fw={600} span>{p.name}</Text>
                  {p.isDefault && <Badge size="xs" variant="outline" ml={6}>{t('routers.ppp.builtIn')}</Badge>}
                </Table.Td>
                <Table.Td><Text size="sm" ff="monospace">{p.rateLimit || t('routers.ppp.unlimited')}</Text></Table.Td>
                <Table.Td><Text size="sm" ff="monospace">{p.localAddress || '—'}</Text></Table.Td>
                <Table.Td><Text size="sm" ff="monospace">{p.remoteAddress || '—'}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
