import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SetupFormValues } from './setup-form';

function Rows({ rows }: { rows: [string, string][] }) {
  return (
    <Table variant="vertical" withRowBorders={false} verticalSpacing={4} highlightOnHover={false}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={150} fw={500} c="dimmed">{label}</Table.Th>
            <Table.Td>{value || '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function SetupReview({ values }: { values: SetupFormValues }) {
  const { t } = useTranslation();
  const tn = values.tenant;
  const admin = values.sameAdmin ? t('setup.reviewSameAdmin') : `${tn.admin.fullName} · ${tn.admin.email}`;
  const tenantRows: [string, string][] = values.mode === 'demo'
    ? [[t('tenantForm.name'), t('setup.demoName')], [t('setup.reviewAdmin'), t('setup.reviewSameAdmin')]]
    : [
        [t('tenantForm.name'), tn.name],
        [t('tenantForm.ownerName'), tn.ownerName],
        [t('tenantForm.ownerPhone'), tn.ownerPhone],
        [t('tenantForm.ownerEmail'), tn.ownerEmail],
        [t('setup.reviewRegion'), `${tn.country ?? ''} · ${tn.currency ?? ''} · ${tn.timezone ?? ''}`],
        [t('setup.reviewAdmin'), admin],
      ];
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">{t('setup.reviewBody')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper p="md" radius="md">
          <Title order={5} mb="xs">{t('setup.step1')}</Title>
          <Rows rows={[[t('account.fullName'), values.platformAdmin.fullName], [t('account.email'), values.platformAdmin.email]]} />
        </Paper>
        <Paper p="md" radius="md">
          <Title order={5} mb="xs">{t('setup.step2')}</Title>
          <Rows rows={tenantRows} />
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
