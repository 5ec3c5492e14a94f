import { Select } from '@mantine/core';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ROUTER_ENCODINGS, type RouterEncoding } from '@shared/contract/routers';
import type { RouterFormValues } from './router-form-modal';

/**
 * How the router's text is read: RouterOS keeps bytes, and comments typed in WinBox on a Windows PC are
 * often Windows-1252. Every choice is lossless (what is read is written back byte for byte); the choice
 * only decides how accented letters look.
 */
export function RouterEncodingField({ control }: { control: Control<RouterFormValues> }) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name="encoding"
      render={({ field }) => (
        <Select
          label={t('routers.form.encoding')}
          description={t('routers.form.encodingHint')}
          data={ROUTER_ENCODINGS.map((e) => ({ value: e, label: t(`routers.form.encodings.${e}`) }))}
          value={field.value}
          onChange={(v) => v && field.onChange(v as RouterEncoding)}
          allowDeselect={false}
          ref={field.ref}
        />
      )}
    />
  );
}
