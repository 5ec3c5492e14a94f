import { Alert, Badge, Button, Code, DataList, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconShieldCheck, IconShieldLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnosis } from '@shared/contract/routers';
import { diagnosisText } from '../../app/messages';
import { SKEW_WARN_MS, formatSkew } from './units';
import { useTimeFormat } from '../../app/time-format';

/** Fingerprints are long hex runs: wrap them inside the card instead of widening it. */
export const FINGERPRINT_STYLE = { whiteSpace: 'pre-wrap', wordBreak: 'break-all' } as const;

type Tone = 'green' | 'yellow' | 'orange' | 'red';

export function diagnosisTone(d: Diagnosis): Tone {
  if (d.ok) return d.kind === 'ok' ? 'green' : 'yellow';
  return d.kind === 'missing-policy' || d.kind === 'no-api-policy' ? 'orange' : 'red';
}

interface DiagnosisCardProps {
  diagnosis: Diagnosis;
  /** Unsaved router with API-SSL: accept the certificate shown (trust on first use). */
  onTrust?: (fingerprint: string) => void;
  /** The fingerprint the form will save, to show "trusted". */
  trustedFingerprint?: string | null;
  /** Saved router whose certificate changed: accept the new one (the caller asks first). */
  onTrustNew?: () => void;
}

/** The answer of "Test connection": what happened, what to do, and what ISP Desk learnt about the router. */
export function DiagnosisCard({ diagnosis: d, onTrust, trustedFingerprint, onTrustNew }: DiagnosisCardProps) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const tone = diagnosisTone(d);
  const icon = tone === 'green' ? <IconCircleCheck size={20} /> : tone === 'red' ? <IconCircleX size={20} /> : <IconAlertTriangle size={20} />;
  const x = d.details;
  const words = diagnosisText(d.note);
  const skew = x.clockSkewMs;
  const skewWarn = skew !== null && Math.abs(skew) > SKEW_WARN_MS;
  const hasInfo = x.routerOsVersion !== null || x.identity !== null || x.boardName !== null;
  const fingerprint = x.tlsFingerprint;
  const trusted = !!fingerprint && trustedFingerprint === fingerprint;

  return (
    <Alert
      color={tone}
      variant="light"
      icon={icon}
      title={t(`routers.diagnosis.kind.${d.kind}`, { defaultValue: t('routers.diagnosis.kind.error') })}
      data-testid="diagnosis"
      aria-live="polite"
    >
      <Stack gap="sm">
        <Text size="sm">{words.message}</Text>
        {words.hint && (
          <Text size="sm">
            <Text span fw={600}>{t('routers.diagnosis.whatToDo')} </Text>
            {words.hint}
          </Text>
        )}

        {d.kind === 'missing-policy' && x.missingPolicies.length > 0 && (
          <Group gap={6}>
            <Text size="sm" fw={600}>{t('routers.diagnosis.missingPolicies')}</Text>
            {x.missingPolicies.map((p) => <Badge key={p} color="orange" variant="outline" size="sm">{p}</Badge>)}
          </Group>
        )}

        {hasInfo && (
          <Paper p="sm" radius="sm" bg="var(--mantine-color-body)">
            <DataList size="sm" labelWidth={170} gap={6}>
              {x.routerOsVersion && <Item label={t('routers.diagnosis.version')}>{x.routerOsVersion}</Item>}
              {x.boardName && <Item label={t('routers.diagnosis.board')}>{x.boardName}</Item>}
              {x.identity && <Item label={t('routers.diagnosis.identity')}>{x.identity}</Item>}
              {x.userGroup && <Item label={t('routers.diagnosis.userGroup')}>{x.userGroup}</Item>}
              {x.routerTime && <Item label={t('routers.diagnosis.routerTime')}>{tf.dateTime(x.routerTime)}</Item>}
              {skew !== null && (
                <Item label={t('routers.diagnosis.clockSkew')}>
                  <Group gap={6}>
                    <Text size="sm" c={skewWarn ? 'orange' : undefined} fw={skewWarn ? 600 : undefined}>{formatSkew(skew)}</Text>
                    {skewWarn && <Badge color="orange" size="xs" variant="light">{t('routers.diagnosis.skewWarnShort')}</Badge>}
                  </Group>
                </Item>
              )}
            </DataList>
            {skewWarn && <Text size="xs" c="orange" mt={6}>{t('routers.clockSkewWarning')}</Text>}
          </Paper>
        )}

        {d.kind === 'tls-pin-mismatch' ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>{t('routers.diagnosis.expectedFingerprint')}</Text>
            <Code block fz="xs" style={FINGERPRINT_STYLE}>{x.expectedFingerprint ?? '—'}</Code>
            <Text size="sm" fw={600}>{t('routers.diagnosis.actualFingerprint')}</Text>
            <Code block fz="xs" style={FINGERPRINT_STYLE}>{fingerprint ?? '—'}</Code>
            {onTrustNew && fingerprint && (
              <Group>
                <Button color="orange" variant="light" leftSection={<IconShieldLock size={16} />} onClick={onTrustNew}>
                  {t('routers.diagnosis.trustNew')}
                </Button>
              </Group>
            )}
          </Stack>
        ) : fingerprint && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>{t('routers.diagnosis.fingerprint')}</Text>
            <Code block fz="xs" style={FINGERPRINT_STYLE}>{fingerprint}</Code>
            {onTrust && (
              trusted ? (
                <Group gap={6}>
                  <IconShieldCheck size={18} color="var(--mantine-color-green-7)" />
                  <Text size="sm" c="green.8">{t('routers.diagnosis.trusted')}</Text>
                </Group>
              ) : (
                <Group gap="sm" wrap="nowrap" align="center">
                  <Button size="xs" variant="light" leftSection={<IconShieldCheck size={16} />} onClick={() => onTrust(fingerprint)}>
                    {t('routers.diagnosis.trust')}
                  </Button>
                  <Text size="xs" c="dimmed">{t('routers.diagnosis.trustHint')}</Text>
                </Group>
              )
            )}
          </Stack>
        )}
        <Text size="xs" c="dimmed">{t('routers.diagnosis.took', { ms: d.durationMs })}</Text>
      </Stack>
    </Alert>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** Shown while a test runs (the server gives up after about 5 s, so this never hangs). */
export function ContactingRouter() {
  const { t } = useTranslation();
  return (
    <Paper p="md" radius="md" role="status" aria-live="polite">
      <Group gap="sm" wrap="nowrap">
        <Loader size="sm" />
        <Stack gap={0}>
          <Text size="sm" fw={600}>{t('routers.diagnosis.contacting')}</Text>
          <Text size="xs" c="dimmed">{t('routers.diagnosis.contactingHint')}</Text>
        </Stack>
      </Group>
    </Paper>
  );
}
