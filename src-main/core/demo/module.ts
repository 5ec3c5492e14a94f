import { defineModule } from '../module';
import { DemoIsp } from './demo-isp';
import { demoKey } from './runtime';

/** The demo ISP: a tenant whose routers are simulators started inside the app (loaded only when used). */
export const demoModule = defineModule({
  name: 'demo',
  key: demoKey,
  start: (core) => new DemoIsp(core),
});
