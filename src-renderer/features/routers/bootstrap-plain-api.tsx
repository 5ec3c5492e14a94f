import { Alert, TagsInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';

interface Props {
  warnings: OutputOf<'routers.bootstrap-script'>['warnings'];
  keep: string[];
  onKeep: (hosts: string[]) => void;
  error?: string | undefined;
}

/**
 * Says, before the script is run, what it takes away from other tools on the plain API (Mikhmon,
 * PHPNuxBill… log in on 8728), and lets the user keep the plain API for the hosts those tools run on.
 */
export function BootstrapPlainApi({ warnings, keep, onKeep, error }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {warnings.map((w) => (
        <Alert key={w} variant="light" color="yellow" icon={<IconAlertTriangle size={18} />} title={t(`routers.bootstrap.warnings.${w}.title`)}>
          {t(`routers.bootstrap.warnings.${w}.body`)}
        </Alert>
      ))}
      <TagsInput
        label={t('routers.bootstrap.keepPlainApi')}
        description={t('routers.bootstrap.keepPlainApiHint')}
        placeholder={t('examples.plainApiAddress')}
        value={keep}
        onChange={onKeep}
        error={error}
        clearable
      />
    </>
  );
}
