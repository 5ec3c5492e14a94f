import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@shared/domain/password-policy';
import type { DiagnosisNote } from '@shared/contract/diagnosis';
import { isFieldCode, type ErrorBody } from '@shared/domain/errors';
import { i18n } from './i18n';

/** Parameters as i18next interpolates them: lists joined, unknowns named. */
function noteParams(note: DiagnosisNote): Record<string, string | number> {
  const t = i18n.t.bind(i18n);
  switch (note.code) {
    case 'connected':
      return {
        ...note.params,
        routerOsVersion: note.params.routerOsVersion ?? t('routers.diagnosis.unknownVersion'),
        boardName: note.params.boardName ?? t('routers.diagnosis.unknownBoard'),
        clockSkewMinutes: note.params.clockSkewMinutes ?? 0,
      };
    case 'missing-policies':
      return { ...note.params, group: note.params.group ?? t('routers.diagnosis.unknownGroup'), missing: note.params.missing.join(', ') };
    case 'command-timeout':
      return { ...note.params, path: note.params.path ?? t('routers.diagnosis.aCommand') };
    default:
      return note.params;
  }
}

/** A diagnosis note in words: what happened and, when there is one, what to do. */
export function diagnosisText(note: DiagnosisNote): { message: string; hint: string } {
  const params = noteParams(note);
  let message = i18n.t(`routers.diagnosis.note.${note.code}.message`, params);
  const hint = i18n.t(`routers.diagnosis.note.${note.code}.hint`, params);
  if (note.code === 'connected' && note.params.clockSkewMinutes !== null) {
    message = `${message} ${i18n.t('routers.diagnosis.clockOff', { minutes: note.params.clockSkewMinutes })}`;
  }
  return { message, hint };
}

/** One line for a diagnosis note (lists, tooltips, alerts). */
export function diagnosisLine(note: DiagnosisNote): string {
  const { message, hint } = diagnosisText(note);
  return hint ? `${message} ${hint}` : message;
}

/** The words for an error envelope from main. */
export function errorText(body: ErrorBody): string {
  if (body.key === undefined) return i18n.t(`errorCodes.${body.code}`);
  if (body.key === 'router.unavailable') return diagnosisLine(body.params.note);
  return i18n.t(`apiErrors.${body.key}`, body.params as Record<string, unknown>);
}

/** A field error from main: a field code in words, or the contract schema's own message. */
export function fieldText(value: string): string {
  return isFieldCode(value) ? i18n.t(`fieldErrors.${value}`, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }) : value;
}
