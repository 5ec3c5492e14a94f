import { AppError } from '@shared/domain/errors';
import { passwordProblem, type PasswordOwner } from '@shared/domain/password-policy';

/**
 * The whole password rule where the owner is known (the contract alone checks length and the common
 * list): refuses with a field error whose message is the PasswordProblem code.
 */
export function assertPasswordAllowed(password: string, owner: PasswordOwner, field: string): void {
  const problem = passwordProblem(password, owner);
  if (problem) throw new AppError('VALIDATION', 'auth.password-weak', { fields: { [field]: problem }, reason: problem });
}
