import { defineModule } from '../module';
import { DemoIsp } from './demo-isp';
import { demoHandlers } from './handlers';
import { demoKey } from './runtime';

/** The demo ISP: a tenant whose routers are simulators started inside the app (loaded only when used). */
export const demoModule = defineModule({
  name: 'demo',
  key: demoKey,
  handlers: demoHandlers,
  start: (core, opts) => new DemoIsp(core, { background: opts.background, ...opts.demo }),
});
