import { networkInterfaces } from 'node:os';
import type { OutputOf, ParsedInputOf } from '@shared/contract';

/** RouterOS string literal: quote and escape the characters the console treats specially. */
export function rscString(value: string): string {
  return `"${value.replace(/[\\"$?]/g, (c) => `\\${c}`)}"`;
}

export function localAddresses(): OutputOf<'routers.local-addresses'> {
  const out: OutputOf<'routers.local-addresses'>['addresses'] = [];
  for (const [name, list] of Object.entries(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.family === 'IPv4' && !a.internal) out.push({ interface: name, address: a.address, cidr: a.cidr ?? `${a.address}/32` });
    }
  }
  return { addresses: out };
}

/**
 * The least-privilege setup ISP Desk needs on a router: its own group (api, read, write, test — test
 * for ping), its own user allowed only from this computer, API-SSL with a self-signed certificate,
 * and the API services limited to this computer's address.
 */
export function bootstrapScript(input: ParsedInputOf<'routers.bootstrap-script'>, now: Date): OutputOf<'routers.bootstrap-script'> {
  const group = `${input.apiUser}-group`;
  const allowed = input.allowAddress.includes('/') ? input.allowAddress : `${input.allowAddress}/32`;
  const policy = input.readOnly ? 'api,read,!write,!test' : 'api,read,write,test';
  const denied = '!local,!telnet,!ssh,!ftp,!reboot,!policy,!winbox,!password,!web,!sniff,!sensitive,!romon,!rest-api';
  const lines = [
    `# ISP Desk — router access setup, generated ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '# Paste into a RouterOS terminal (WinBox → New Terminal), or upload the file and run:',
    '#   /import file-name=isp-desk-bootstrap.rsc',
    '# It creates a dedicated API user that can log in only from this computer.',
    '',
    '/user group',
    `add name=${rscString(group)} policy=${policy},${denied} comment="ISP Desk API access"`,
    '/user',
    `add name=${rscString(input.apiUser)} group=${rscString(group)} password=${rscString(input.apiPassword)} address=${allowed} comment="ISP Desk"`,
  ];
  // Other tools (Mikhmon, PHPNuxBill…) log in over the plain API on 8728: keep it for the hosts named.
  const keep = input.keepPlainApiFrom.map((a) => (a.includes('/') ? a : `${a}/32`));
  const warnings: OutputOf<'routers.bootstrap-script'>['warnings'] = [];
  if (input.enableTls) {
    lines.push(
      '',
      '# API-SSL needs a certificate on the router; this makes a self-signed one (valid 10 years).',
      '# ISP Desk pins its fingerprint the first time it connects.',
      '/certificate',
      'add name=isp-desk-api common-name=isp-desk-api days-valid=3650 key-size=2048 key-usage=digital-signature,key-encipherment,tls-server',
      'sign isp-desk-api',
      ':delay 5s',
      '/ip service',
      `set api-ssl certificate=isp-desk-api address=${allowed} disabled=no`,
      ...(keep.length > 0
        ? ['# The plain API stays on only for the other tools named (it sends passwords unencrypted).', `set api address=${keep.join(',')} disabled=no`]
        : ['# WARNING: other tools using the plain API on port 8728 (Mikhmon, PHPNuxBill…) stop working.', '# The plain API sends the password unencrypted; it is turned off.', 'set api disabled=yes']),
    );
    if (keep.length === 0) warnings.push('plain-api-off');
  } else {
    lines.push('', '# WARNING: the plain API (8728) then accepts logins only from the addresses below.', '/ip service', `set api address=${[allowed, ...keep].join(',')} disabled=no`);
    warnings.push('plain-api-restricted');
  }
  lines.push('', `:log info "ISP Desk access configured for ${allowed}"`, '');
  return { fileName: 'isp-desk-bootstrap.rsc', script: lines.join('\n'), suggestedAddresses: localAddresses().addresses.map((a) => a.address), warnings };
}
