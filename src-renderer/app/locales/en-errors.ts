/**
 * Words for the error codes main sends (`ErrorBody.key` + params, field codes, envelope codes). Typed
 * against the shared unions: a new code in src-shared fails the typecheck here until it has words.
 */
import type { ErrorCode, ErrorKey, FieldCode } from '@shared/domain/errors';

type Area<K extends string> = K extends `${infer A}.${string}` ? A : never;
type Name<K extends string, A extends string> = K extends `${A}.${infer N}` ? N : never;
/** `'auth.rate-limited'` → `{ auth: { 'rate-limited': string } }`: i18next reads dots as nesting. */
export type ErrorWords = { [A in Area<ErrorKey>]: Record<Name<ErrorKey, A>, string> };

export const apiErrorsEn: ErrorWords = {
  request: {
    invalid: 'Please correct the highlighted fields.',
    'unknown-channel': 'Unknown channel: {{channel}}',
    'bad-output': 'The app produced an unexpected answer. The error was logged.',
    internal: 'Something went wrong. The error was logged; please try again.',
  },
  transport: {
    unreachable: 'Cannot reach the ISP Desk server. Check that it is still running, then try again.',
    'bad-response': 'The ISP Desk server gave an unexpected answer (HTTP {{status}}).',
  },
  db: {
    busy: 'The database is busy; please try again.',
    'value-in-use': 'That value is already in use.',
    'too-new': 'This data was written by a newer version of ISP Desk. Update ISP Desk to open it.',
  },
  auth: {
    'sign-in-required': 'Please sign in.',
    'session-expired': 'Your session expired after a period of inactivity. Please sign in again.',
    'platform-only': 'This needs a platform administrator.',
    'tenant-only': 'Sign in to an ISP profile to do this.',
    'account-gone': 'Your account no longer exists. Please sign in again.',
    'account-inactive': 'Your account is no longer active. Please contact your administrator.',
    'tenant-gone': 'This ISP profile no longer exists.',
    'tenant-suspended': 'This ISP profile is suspended. Contact your platform administrator.',
    'role-forbidden': 'Your role does not allow this.',
    'password-change-required': 'Please change your password first.',
    'wrong-credentials': 'Wrong email or password.',
    'rate-limited': 'Too many failed sign-in attempts. Try again in {{minutes}} min.',
    'unknown-profile': 'That ISP profile does not exist on this computer.',
    'account-deactivated': 'This account is deactivated. Ask your administrator to reactivate it.',
    'password-must-differ': 'Choose a password different from the current one.',
    'wrong-current-password': 'The current password is not right.',
    'password-weak': 'Choose a stronger password.',
    'role-revoked': 'Your role no longer allows this live view.',
  },
  setup: {
    'already-done': 'This installation is already set up. Sign in instead.',
    'tenant-required': 'Describe your ISP, or choose the demo.',
  },
  tenant: {
    'not-found': 'That ISP profile was not found.',
    'name-taken': 'An ISP profile named "{{name}}" already exists.',
    'confirm-name-mismatch': 'The name typed does not match; nothing was deleted.',
    'folder-not-deleted': 'The ISP profile was removed but its folder {{folder}} could not be deleted.',
  },
  transfer: {
    'not-export-file': 'This is not an ISP Desk export file.',
    damaged: 'The export file is damaged.',
    'wrong-passphrase': 'Wrong passphrase for this export file.',
    'newer-version': 'This export was made by a newer version of ISP Desk. Update ISP Desk to import it.',
    'already-here': '"{{name}}" is already on this installation (same ISP profile). Delete it first if you want to replace it with the file.',
    'leftover-folder': 'A leftover folder for this ISP profile exists in the data directory; remove it first.',
    'old-format': 'This export file was made by an older ISP Desk that did not encrypt the whole file; export it again.',
  },
  staff: {
    'not-found': 'That staff member was not found.',
    'email-taken': 'A staff member with this email already exists.',
    'last-admin-role': 'This is the last active administrator; keep the ADMIN role on at least one account.',
    'cannot-deactivate-self': 'You cannot deactivate your own account.',
    'last-admin-deactivate': 'This is the last active administrator and cannot be deactivated.',
  },
  router: {
    'not-found': 'That router was not found.',
    'address-taken': 'Router "{{name}}" already uses {{host}}:{{port}}.',
    'tls-off': 'This router does not use API-SSL.',
    'item-gone': 'That item no longer exists on the router (it may have been removed already).',
    refused: 'The router says: {{routerMessage}}',
    // Worded from the diagnosis note (routers.diagnosis.note), see errorText.
    unavailable: '',
    'no-export': 'The router did not return its configuration export.',
  },
  backup: {
    'not-found': 'That configuration version was not found.',
    'different-routers': 'Both versions must belong to the same router.',
    unreadable: 'The configuration ({{sizeBytes}} bytes) could not be read back from RouterOS {{routerOsVersion}}.',
  },
  stream: {
    'not-found': 'That live view has already ended.',
    'too-many': 'Too many live views are open; close some and try again.',
  },
  upload: {
    'unknown-purpose': 'This kind of file cannot be uploaded here.',
    gone: 'The chosen file is no longer available; choose it again.',
    'in-use': 'This file is already being processed.',
    'too-large': 'The file is too large (at most {{maxMiB}} MiB).',
  },
  alert: {
    'not-found': 'That alert was not found.',
  },
  demo: {
    'only-demo': 'Only the demo ISP can play an outage; real routers are left alone.',
  },
  job: {
    'not-found': 'There is no such scheduled task.',
    running: 'This task is running now. Wait for it to finish, then try again.',
  },
  package: {
    'not-found': 'That package was not found.',
    'name-taken': 'A package named {{name}} already exists.',
    'in-use': '{{count}} subscribers use this package; move them to another package first.',
    invalid: 'Please correct the highlighted fields.',
  },
  subscriber: {
    'not-found': 'That subscriber was not found.',
    invalid: 'Please correct the highlighted fields.',
    'no-password': 'This subscriber has no PPPoE password.',
    'bulk-stale': 'Some of these subscribers changed since the preview. Preview again, then apply.',
    'bulk-too-many': 'Choose at most {{max}} subscribers for one bulk action.',
  },
  'sync-object': {
    'not-found': 'That router object was not found.',
  },
  drift: {
    'not-found': 'That difference was not found; run the check again.',
    'action-not-possible': 'This action cannot be used on this difference ({{kind}}).',
    'no-owner': 'The router values cannot be adopted for this kind of object ({{ownerType}}) yet.',
    'profile-unknown': 'No package on this router uses the PPP profile {{profile}}. Create one, or apply ISP Desk\'s values instead.',
    'adopt-expired': 'The subscription of {{accountNumber}} has expired, so it cannot be turned back on from the router. Extend it instead.',
    'rate-unknown': 'No static package on this router has the speed {{rate}}. Create one, or apply ISP Desk\'s values instead.',
  },
  enforcement: {
    'version-unknown': 'ISP Desk has not read this router\'s RouterOS version yet. Test the connection first, then try again.',
  },
  adoption: {
    running: 'This router is already being adopted. Wait for it to finish, then preview again.',
  },
  payment: {
    'not-found': 'This payment no longer exists.',
    'not-unmatched': 'This payment is no longer waiting in the unmatched queue (it is {{status}}). Refresh the list.',
    duplicate: 'A payment with reference {{reference}} was already recorded for this method.',
  },
  'ledger-entry': {
    'not-found': 'This wallet entry no longer exists.',
    'already-reversed': 'This wallet entry has already been reversed.',
    'not-reversible': 'A reversal cannot itself be reversed. Record an adjustment instead.',
  },
  mpesa: {
    'not-configured': 'M-Pesa is not set up yet. Enter the shortcode and Daraja credentials in Settings → M-Pesa.',
    'statement-rejected': 'This file is not an M-Pesa statement that ISP Desk can read ({{reason}}). Export it again from the M-Pesa portal as CSV or XLSX.',
  },
  'mpesa-stk': {
    'not-found': 'That payment request was not found.',
  },
  'package-change': {
    'same-package': 'The subscriber is already on this package.',
    'no-price': 'This package has no price, so a pro-rata change cannot buy it. Choose "at next renewal".',
    'balance-short': 'The wallet cannot pay for one period of the new package, so changing now would cut this subscriber off. Record a payment first, or choose "at next renewal".',
  },
  shift: {
    'already-open': 'You already have an open cash shift. Close it before opening another.',
    'not-open': 'You have no open cash shift.',
  },
  'hotspot-plan': {
    'not-found': 'That hotspot plan no longer exists.',
    'name-taken': 'A hotspot plan named "{{name}}" already exists.',
    'profile-taken': 'Another plan already uses the user profile "{{name}}" on this router.',
    disabled: 'This plan is disabled; enable it before making vouchers.',
  },
  'voucher-batch': {
    'not-found': 'That voucher batch no longer exists.',
    'code-space': 'Codes of this length cannot make {{count}} more unique vouchers; make the codes longer.',
  },
  voucher: {
    'not-found': 'That voucher no longer exists.',
    revoked: 'This voucher is revoked; there is nothing to reset.',
    'not-on-router': 'This voucher is not on the router yet. Wait for the router to be updated, then try again.',
  },
  'voucher-print': {
    'no-dns-name': "Set the hotspot's DNS name on plan {{plans}} first: the QR code on each voucher logs in through it.",
    'too-many': 'That is {{count}} vouchers; print at most {{max}} at a time (pick a shorter time range).',
    'not-found': 'No printable vouchers match (revoked vouchers are never printed).',
  },
  'voucher-template': {
    'not-found': 'That voucher template no longer exists.',
    'name-taken': 'A voucher template named "{{name}}" already exists.',
    invalid: 'The template was not saved: {{detail}} is not allowed. The preview lists every problem.',
    'no-vouchers': 'Every voucher of this batch is revoked; there is nothing to print.',
  },
  agent: {
    'not-found': 'That agent no longer exists.',
    'name-taken': 'An agent named "{{name}}" already exists.',
    'float-short': "The agent's float does not hold enough for this. Top up the float first.",
  },
  'agent-entry': {
    'not-found': 'That float entry no longer exists.',
    'already-reversed': 'This float entry has already been reversed.',
    'not-reversible': 'A {{kind}} cannot be reversed. Record an adjustment instead.',
  },
  'voucher-sale': {
    'stock-short': 'Not enough unsold vouchers: only {{available}} left. Make a new batch first.',
    'not-available': 'Already sold or revoked, so nothing was sold: {{codes}}.',
    'one-plan': 'Choose vouchers of one plan per sale.',
    'bad-range': 'Choose a range that ends after it starts and spans at most {{maxDays}} days.',
  },
  portal: {
    'not-configured': 'Set the LAN address of this computer in the portal settings first.',
  },
  invoice: {
    'not-found': 'This invoice no longer exists.',
    'wrong-status': 'This invoice is {{status}} now, so that cannot be done. Refresh the list.',
    'has-payments': 'Payments are already allocated to this invoice, so it cannot be voided.',
    'payment-allocated': 'This payment already settles invoice(s) {{numbers}}, so its credit cannot be reversed.',
  },
};

export const fieldErrorsEn: Record<FieldCode, string> = {
  required: 'Required',
  taken: 'Already in use',
  'wrong-passphrase': 'Wrong passphrase',
  'damaged-file': 'Damaged file',
  'not-export-file': 'Not an ISP Desk export file',
  'already-here': 'This ISP profile already exists here',
  'type-name-exactly': 'Type the name exactly as shown to confirm',
  'last-admin': 'The last admin must keep ADMIN',
  'must-differ': 'Must differ from the current password',
  'not-current-password': 'Not your current password',
  'same-router': 'Choose a version of the same router',
  'tls-off': 'API-SSL is off for this router',
  'router-refused': 'The router refused this value',
  'old-format': 'Old export format',
  'choose-again': 'Choose the file again',
  'in-use': 'Already being processed',
  'too-large': 'The file is too large',
  'outside-pool': "Not in the package's address pool for this router",
  'pool-exhausted': 'No free address left in the pool',
  'package-other-router': 'This package is not offered on the chosen router',
  'package-disabled': 'This package is disabled',
  'wrong-service-type': 'Not used by this service type',
  'invalid-phone': 'Enter a valid phone number, e.g. 0712 345 678',
  'unknown-router': 'No such router',
  'unknown-package': 'No such package',
  'invalid-value': 'Invalid value',
  'pool-required': 'Enter an address pool for each router',
  'profile-required': 'Choose a PPP profile',
  PASSWORD_TOO_SHORT: 'Use at least {{min}} characters',
  PASSWORD_TOO_LONG: 'Use at most {{max}} characters',
  PASSWORD_COMMON: 'This password is on the list of commonly used passwords; choose another',
  PASSWORD_IS_EMAIL: 'Do not use your e-mail address in the password',
  PASSWORD_IS_NAME: 'Do not use your name in the password',
  TEXT_CONTROL_CHARS: 'Remove line breaks, control or invisible characters',
  'not-an-image': 'Use a PNG, JPEG, SVG or WebP image',
  'template-script': 'Scripts are not allowed in a template',
  'template-event-handler': 'Event handlers (onclick, onerror…) are not allowed',
  'template-unsafe-url': 'javascript: and data: links are not allowed',
  'template-external-url': 'Links and pictures from outside are not allowed; use the logo and qr variables',
  'template-element': 'This element is not supported in templates',
  'template-attribute': 'Only the style attribute is allowed',
  'template-css-property': 'This CSS property is not supported',
  'template-css-value': 'This CSS value is not supported',
  'template-unknown-variable': 'Unknown variable',
  'template-variable-in-attribute': 'Variables go in text, not in attributes',
  'template-empty': 'Write the card’s HTML',
};

/** For refusals a transport sends before the dispatcher runs (they carry no key). */
export const errorCodesEn: Record<ErrorCode, string> = {
  VALIDATION: 'The request was not understood.',
  UNAUTHENTICATED: 'Please sign in.',
  FORBIDDEN: 'This request is not allowed.',
  NOT_FOUND: 'That was not found.',
  CONFLICT: 'That clashes with something that already exists.',
  RATE_LIMITED: 'Too many requests; wait a moment and try again.',
  UNAVAILABLE: 'ISP Desk cannot do that right now; try again.',
  INTERNAL: 'Something went wrong. Please try again.',
};
