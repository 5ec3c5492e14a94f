import { useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useCallback } from 'react';
import { call } from './api-client';
import { PLATFORM, useSessionStore } from './session-store';

/**
 * The theme choice lives in localStorage (Mantine's manager, so it is right before main answers) and,
 * when a platform administrator chooses it, in the installation's preferences so every window starts
 * with it (those are installation-wide, so staff choices stay in this window only).
 */
export function useColorSchemeChoice(): { value: MantineColorScheme; choose: (value: MantineColorScheme) => void } {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const choose = useCallback((value: MantineColorScheme) => {
    setColorScheme(value);
    const session = useSessionStore.getState().sessions[PLATFORM];
    if (session) void call('preferences.set', { colorScheme: value }, { token: session.token }).catch(() => undefined);
  }, [setColorScheme]);
  return { value: colorScheme, choose };
}
