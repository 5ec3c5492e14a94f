import { signIn, principalOf, signOut, changeOwnPassword } from './sign-in';
import { createStaff, getStaff, listStaff, resetStaffPassword, setStaffActive, updateStaff } from './staff-service';
import { listAudit } from './audit';
import type { HandlersFor } from '../rpc/handlers';

export const authHandlers: HandlersFor<
  | 'auth.sign-in' | 'auth.session' | 'auth.sign-out' | 'auth.change-password'
  | 'staff.list' | 'staff.get' | 'staff.create' | 'staff.update' | 'staff.set-active' | 'staff.reset-password'
  | 'audit.list'
> = {
  'auth.sign-in': (input, ctx) => signIn(ctx.core, input, ctx.caller),
  'auth.session': (_input, ctx) => principalOf(ctx.core, ctx.session),
  'auth.sign-out': (_input, ctx) => Promise.resolve(signOut(ctx.core, ctx.session)),
  'auth.change-password': (input, ctx) => changeOwnPassword(ctx.core, ctx.session, input),
  'staff.list': (input, ctx) => listStaff(ctx, input),
  'staff.get': (input, ctx) => getStaff(ctx, input.staffId),
  'staff.create': (input, ctx) => createStaff(ctx, input),
  'staff.update': (input, ctx) => updateStaff(ctx, input),
  'staff.set-active': (input, ctx) => setStaffActive(ctx, input),
  'staff.reset-password': (input, ctx) => resetStaffPassword(ctx, input),
  'audit.list': (input, ctx) => listAudit(ctx.db, input),
};
