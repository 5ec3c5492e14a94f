import type { Core } from '../context';
import { moduleKey } from '../module';
import type { DemoIsp } from './demo-isp';
import type { DemoOutageOptions } from './outage';

declare module '../module' {
  interface ModuleOptions {
    demo?: DemoOutageOptions;
  }
}

export const demoKey = moduleKey<DemoIsp>('demo');

export function demoOf(core: Core): DemoIsp {
  return core.modules.get(demoKey);
}
