/** Every menu the simulator serves; the order is also the /export section order. */
import type { MenuSpec } from '../spec';
import { file } from './file';
import { FIREWALL_MENUS } from './firewall';
import { HOTSPOT_MENUS } from './hotspot';
import { INTERFACE_MENUS } from './interface';
import { IP_MENUS } from './ip';
import { LOG_MENUS } from './log';
import { PPP_MENUS } from './ppp';
import { QUEUE_MENUS } from './queue';
import { SYSTEM_MENUS } from './system';
import { TOOL_MENUS } from './tool';
import { USER_MENUS } from './users';

export const ALL_MENUS: readonly MenuSpec[] = [
  ...INTERFACE_MENUS,
  ...IP_MENUS.slice(0, 2),
  ...HOTSPOT_MENUS,
  ...IP_MENUS.slice(2),
  ...PPP_MENUS,
  ...FIREWALL_MENUS,
  ...QUEUE_MENUS,
  ...SYSTEM_MENUS,
  ...TOOL_MENUS,
  ...USER_MENUS,
  ...LOG_MENUS,
  file,
];
