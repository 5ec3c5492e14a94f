import { Button, Center, Loader, MantineProvider, Stack, useMantineColorScheme } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { call, type ApiError } from './api-client';
import { applyLanguage } from './i18n';
import { RouteView } from './route-view';
import { recheckSessions, useSessionEvents } from './session-events';
import { cssVariablesResolver, theme } from './theme';
import { toApiError } from './use-rpc';

type BootState = { status: 'loading' } | { status: 'failed'; error: ApiError } | { status: 'ready'; needsSetup: boolean };

/** Asks main whether this is a first run, applies saved preferences and re-checks stored sessions. */
function Boot() {
  const { t } = useTranslation();
  const { setColorScheme } = useMantineColorScheme();
  // Mantine hands out a new setter on every render; the boot effect must not re-run because of it.
  const applyScheme = useRef(setColorScheme);
  useEffect(() => {
    applyScheme.current = setColorScheme;
  });
  const [state, setState] = useState<BootState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useSessionEvents();

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const [setup, prefs] = await Promise.all([call('setup.status', {}), call('preferences.get', {})]);
      applyScheme.current(prefs.colorScheme);
      applyLanguage(prefs.language);
      await recheckSessions();
      if (!cancelled) setState({ status: 'ready', needsSetup: setup.needsSetup });
    })().catch((e: unknown) => {
      if (!cancelled) setState({ status: 'failed', error: toApiError(e) });
    });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const onSetupDone = useCallback(() => setState({ status: 'ready', needsSetup: false }), []);

  if (state.status === 'loading') {
    return <Center h="100vh"><Loader aria-label={t('app.loading')} /></Center>;
  }
  if (state.status === 'failed') {
    return (
      <Center h="100vh" px="md">
        <Stack maw={520} w="100%">
          <ErrorAlert error={state.error} title={t('errors.startFailed')} />
          <Button onClick={() => setAttempt((a) => a + 1)}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  return <RouteView needsSetup={state.needsSetup} onSetupDone={onSetupDone} />;
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <ModalsProvider>
        <Notifications position="bottom-right" limit={4} />
        <Boot />
      </ModalsProvider>
    </MantineProvider>
  );
}
