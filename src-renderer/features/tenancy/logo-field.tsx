import { Button, FileButton, Group, Image, Input, Paper, Stack, Text } from '@mantine/core';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { readAsDataUrl } from '../../app/files';

/** Logo as a data URL: pick an image, see it, remove it. The contract's schema checks type and size. */
export function LogoField({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const { control } = useFormContext<{ logoDataUrl: string | null }>();
  const [reading, setReading] = useState(false);
  return (
    <Controller
      control={control}
      name="logoDataUrl"
      render={({ field, fieldState }) => (
        <Input.Wrapper label={t('settings.logo')} description={t('settings.logoHint')} error={fieldState.error?.message}>
          <Group mt="xs" align="center" gap="lg">
            <Paper w={120} h={120} radius="md" p="xs" style={{ display: 'grid', placeItems: 'center' }}>
              {field.value ? (
                <Image src={field.value} alt={t('settings.logoPreview')} fit="contain" mah={100} maw={100} />
              ) : (
                <Text size="xs" c="dimmed" ta="center">{t('settings.noLogo')}</Text>
              )}
            </Paper>
            {!readOnly && (
              <Stack gap="xs">
                <FileButton
                  accept="image/png,image/jpeg,image/svg+xml,image/webp"
                  onChange={async (file) => {
                    if (!file) return;
                    setReading(true);
                    try {
                      field.onChange(await readAsDataUrl(file));
                    } finally {
                      setReading(false);
                    }
                  }}
                >
                  {(props) => (
                    <Button {...props} variant="default" leftSection={<IconPhotoUp size={16} />} loading={reading}>
                      {t(field.value ? 'settings.replaceLogo' : 'settings.uploadLogo')}
                    </Button>
                  )}
                </FileButton>
                {field.value && (
                  <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => field.onChange(null)}>
                    {t('settings.removeLogo')}
                  </Button>
                )}
              </Stack>
            )}
          </Group>
        </Input.Wrapper>
      )}
    />
  );
}
