import { Box, Center, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Brand } from './brand';
import { ColorSchemeMenu } from './color-scheme-menu';

/** Sign-in, first-run wizard and forced password change: no sidebar, the form in the middle. */
export function PublicLayout({ children, width = 460 }: { children: ReactNode; width?: number }) {
  return (
    <Box mih="100vh" bg="var(--mantine-color-body)" style={{ backgroundImage: 'radial-gradient(circle at 20% 0%, var(--mantine-color-brand-light) 0, transparent 45%)' }}>
      <Group justify="flex-end" p="md">
        <ColorSchemeMenu />
      </Group>
      <Center px="md" pb="xl">
        <Stack w="100%" maw={width} gap="lg">
          <Center><Brand size="lg" /></Center>
          {children}
        </Stack>
      </Center>
    </Box>
  );
}
