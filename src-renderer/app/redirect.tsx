import { Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { navigate } from './router';

/** Replaces the current route (no history entry), e.g. to the sign-in screen of a signed-out scope. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return (
    <Center h="60vh">
      <Loader size="sm" />
    </Center>
  );
}
