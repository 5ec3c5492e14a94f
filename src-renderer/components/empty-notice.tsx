import { EmptyState } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface EmptyNoticeProps {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
}

/** "Nothing here yet" with a hint and usually the action that fills it. */
export function EmptyNotice({ title, description, icon, action }: EmptyNoticeProps) {
  return (
    <EmptyState py="xl" variant="light" title={title} description={description} icon={icon ?? <IconInbox size={26} />}>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
