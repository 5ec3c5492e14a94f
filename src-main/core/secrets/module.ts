import { defineModule } from '../module';

/** Secrets: sealed credentials of any domain (router API passwords, later M-Pesa and SMS keys). */
export const secretsModule = defineModule({
  name: 'secrets',
  owns: { tenant: ['secrets'] },
});
