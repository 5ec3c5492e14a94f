/** /user and /user/group: who may log in over the API and with which policies. */
import type { RouterCore } from '../core';
import { formatDateTime } from '../dates';
import type { MenuSpec } from '../spec';

export const GROUP_POLICIES = {
  read: 'local,telnet,ssh,reboot,read,test,winbox,password,web,sniff,api,romon,rest-api,!ftp,!write,!policy,!sensitive',
  write: 'local,telnet,ssh,reboot,read,write,test,winbox,password,web,sniff,api,romon,rest-api,!ftp,!policy,!sensitive',
  full: 'local,telnet,ssh,ftp,reboot,read,write,policy,test,winbox,password,web,sniff,sensitive,api,romon,rest-api',
} as const;

export const userGroup: MenuSpec = {
  path: '/user/group',
  kind: 'list',
  writePolicy: 'policy',
  nameField: 'name',
  mandatory: ['name'],
  fields: { name: {}, policy: { default: '' }, skin: { default: 'default' }, comment: {} },
  unique: [{ fields: ['name'], message: 'failure: group with the same name already exists' }],
  lockDefault: 'failure: can not remove builtin group',
  exportSection: '/user group',
};

export const user: MenuSpec = {
  path: '/user',
  kind: 'list',
  writePolicy: 'policy',
  nameField: 'name',
  mandatory: ['name', 'group'],
  fields: {
    name: {},
    group: { ref: { menu: '/user/group', field: 'name' } },
    address: { default: '' },
    'last-logged-in': { readOnly: true },
    disabled: { type: 'bool', default: 'false' },
    expired: { readOnly: true, type: 'bool', default: 'false', v7: true },
    comment: {},
    password: { hidden: true, sensitive: true, default: '' },
  },
  unique: [{ fields: ['name'], message: 'failure: user with the same name already exists' }],
  // RouterOS /export leaves users out (passwords cannot be exported).
  exportSection: false,
};

/** Records `last-logged-in` (called on API login). */
export function noteLogin(core: RouterCore, name: string): void {
  const t = core.state.table('/user');
  const row = t.findBy('name', name);
  if (row) t.update(row, { 'last-logged-in': formatDateTime(core.clock.nowMs(), core.dateStyle) }, 'internal');
}

export const USER_MENUS: MenuSpec[] = [userGroup, user];
