import { Badge, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';

export type AdoptionPackage = OutputOf<'adoption.preview'>['packages'][number];

/** A profile becomes a new package, maps onto an existing one, or (no secret uses it) is left alone. */
function packageState(p: AdoptionPackage): string {
  if (p.willCreate) return 'adoption.newPackage';
  return p.packageId !== null ? 'adoption.existingPackage' : 'adoption.unusedProfile';
}

/** The packages adoption maps profiles onto; a new one gets its price typed here (empty = 0, set later). */
export function AdoptionPackages({ packages, currency, prices, invalid, onPrice }: {
  packages: AdoptionPackage[];
  currency: string;
  prices: Readonly<Record<string, string>>;
  invalid: readonly string[];
  onPrice: (profile: string, text: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper p="md" radius="md" withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('adoption.packagesTitle')}</Title>
        <Text size="sm" c="dimmed">{t('adoption.packagesHint')}</Text>
        <Table aria-label={t('adoption.packagesLabel')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('adoption.col.profile')}</Table.Th>
              <Table.Th>{t('adoption.col.package')}</Table.Th>
              <Table.Th>{t('adoption.col.rate')}</Table.Th>
              <Table.Th>{t('adoption.col.secrets')}</Table.Th>
              <Table.Th>{t('adoption.col.price', { currency })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {packages.map((p) => (
              <Table.Tr key={p.profile}>
                <Table.Td ff="monospace">{p.profile}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" fw={600}>{p.packageName}</Text>
                    <Badge size="xs" variant="light" color={p.willCreate ? 'green' : 'gray'}>{t(packageState(p))}</Badge>
                  </Stack>
                </Table.Td>
                <Table.Td>{p.rateLimit ? p.rateLimitText : t('adoption.unlimited')}</Table.Td>
                <Table.Td>{p.secrets}</Table.Td>
                <Table.Td>
                  {p.willCreate ? (
                    <TextInput
                      aria-label={t('adoption.priceFor', { profile: p.profile, currency })}
                      placeholder={t('examples.price')}
                      w={140}
                      value={prices[p.profile] ?? ''}
                      error={invalid.includes(p.profile) ? t('adoption.priceInvalid') : undefined}
                      onChange={(e) => onPrice(p.profile, e.currentTarget.value)}
                    />
                  ) : <Text size="sm" c="dimmed">—</Text>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
