import { useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useCallback } from 'react';
import { call } from './api-client';
import { useSessionStore } from './session-store';

/**
 * The theme choice lives in localStorage (Mantine's manager, so it is right before main answers) and,
 * when someone is signed in, in the installation's preferences so every window starts with it.
 */
export function useColorSchemeChoice(): { value: MantineColorScheme; choose: (value: MantineColorScheme) => void } {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const choose = useCallback((value: MantineColorScheme) => {
    setColorScheme(value);
    const { sessions, activeScope } = useSessionStore.getState();
    const session = (activeScope ? sessions[activeScope] : undefined) ?? Object.values(sessions)[0];
    if (session) void call('preferences.set', { colorScheme: value }, { token: session.token }).catch(() => undefined);
  }, [setColorScheme]);
  return { value: colorScheme, choose };
}
