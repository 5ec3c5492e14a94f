import { Checkbox, Fieldset, SimpleGrid, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { routersChannels } from '@shared/contract/routers';
import { showServerError } from '../../../app/form-errors';
import { useCall } from '../../../app/scope-context';
import { FormTextInput } from '../../../components/form-fields';
import { FormModal } from '../../../components/form-modal';
import type { Queue } from './queues-tab';
import { editableRatePair, formatRatePair, parseRatePair } from './values';

const schema = routersChannels['routers.queues.add'].input.omit({ routerId: true }).required();
type Values = z.input<typeof schema>;

const EMPTY: Values = {
  name: '', target: '', maxLimit: '', burstLimit: '', burstThreshold: '', burstTime: '', priority: '8/8', parent: '', comment: '', disabled: false,
};

function valuesOf(q: Queue): Values {
  return {
    name: q.name,
    target: q.target,
    maxLimit: editableRatePair(q.maxLimit),
    burstLimit: editableRatePair(q.burstLimit),
    // The list does not return these two; left empty they keep what the router has.
    burstThreshold: '',
    burstTime: '',
    priority: q.priority || '8/8',
    parent: q.parent === 'none' ? '' : q.parent,
    comment: q.comment,
    disabled: q.disabled,
  };
}

/** What "cleared" means on RouterOS for a field the form sends as "" (an empty value is ignored by main). */
const CLEARED: Partial<Record<keyof Values, string>> = { burstLimit: '0/0', burstThreshold: '0/0', burstTime: '0s/0s', parent: 'none' };

function RatePreview({ name }: { name: 'maxLimit' | 'burstLimit' }) {
  const { t } = useTranslation();
  const value = useWatch<Values, typeof name>({ name });
  if (!value || !parseRatePair(value)) return null;
  return <Text size="xs" c="teal" fw={500} mt={4}>{t('routerTabs.queues.form.means', { rate: formatRatePair(value, t('routerTabs.common.unlimited')) })}</Text>;
}

interface QueueFormModalProps {
  routerId: string;
  /** Absent: add a queue. */
  queue?: Queue;
  onClose: () => void;
  onDone: () => void;
}

/** Add or edit a simple queue; only the fields that changed are sent on edit. */
export function QueueFormModal({ routerId, queue, onClose, onDone }: QueueFormModalProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const form = useForm<Values, unknown, Values>({
    resolver: zodResolver(schema, undefined, { raw: true }),
    defaultValues: queue ? valuesOf(queue) : EMPTY,
  });

  const submit = form.handleSubmit(async (v) => {
    try {
      if (!queue) {
        await callIn('routers.queues.add', { routerId, ...v });
        notifications.show({ color: 'green', title: t('routerTabs.queues.addedTitle'), message: t('routerTabs.queues.added', { name: v.name.trim() }) });
      } else {
        const dirty = form.formState.dirtyFields;
        const changes: Record<string, string | boolean> = {};
        for (const key of Object.keys(v) as (keyof Values)[]) {
          if (!dirty[key]) continue;
          const value = v[key];
          changes[key] = value === '' && CLEARED[key] ? CLEARED[key] : value;
        }
        await callIn('routers.queues.update', { routerId, queueId: queue.id, ...changes });
        notifications.show({ color: 'green', title: t('routerTabs.queues.updatedTitle'), message: t('routerTabs.queues.updated', { name: v.name.trim() }) });
      }
      onDone();
      onClose();
    } catch (e) {
      showServerError(e, form);
    }
  });

  return (
    <FormModal
      opened
      onClose={onClose}
      title={queue ? t('routerTabs.queues.editTitle', { name: queue.name }) : t('routerTabs.queues.addTitle')}
      form={form}
      onSubmit={submit}
      submitLabel={queue ? t('common.save') : t('routerTabs.queues.addSubmit')}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormTextInput name="name" label={t('routerTabs.queues.form.name')} description={t('routerTabs.queues.form.nameHint')} data-autofocus />
        <FormTextInput name="target" label={t('routerTabs.queues.form.target')} description={t('routerTabs.queues.form.targetHint')} placeholder={t('examples.queueTarget')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <div>
          <FormTextInput name="maxLimit" label={t('routerTabs.queues.form.maxLimit')} description={t('routerTabs.queues.form.maxLimitHint')} placeholder={t('examples.queueMaxLimit')} />
          <RatePreview name="maxLimit" />
        </div>
        <FormTextInput name="priority" label={t('routerTabs.queues.form.priority')} description={t('routerTabs.queues.form.priorityHint')} placeholder={t('examples.queuePriority')} />
      </SimpleGrid>
      <Fieldset legend={t('routerTabs.queues.form.burst')} variant="filled">
        <Text size="xs" c="dimmed" mb="sm">{t('routerTabs.queues.form.burstHint')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <FormTextInput name="burstLimit" label={t('routerTabs.queues.form.burstLimit')} placeholder={t('examples.burstLimit')} />
          <FormTextInput name="burstThreshold" label={t('routerTabs.queues.form.burstThreshold')} placeholder={t('examples.burstThreshold')} />
          <FormTextInput name="burstTime" label={t('routerTabs.queues.form.burstTime')} placeholder={t('examples.burstTime')} />
        </SimpleGrid>
        {queue && <Text size="xs" c="dimmed" mt="xs">{t('routerTabs.queues.form.burstKeep')}</Text>}
      </Fieldset>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormTextInput name="parent" label={t('routerTabs.queues.form.parent')} description={t('routerTabs.queues.form.parentHint')} />
        <FormTextInput name="comment" label={t('routerTabs.queues.form.comment')} description={t('routerTabs.queues.form.commentHint')} />
      </SimpleGrid>
      <Checkbox label={t('routerTabs.queues.form.disabled')} {...form.register('disabled')} />
    </FormModal>
  );
}
