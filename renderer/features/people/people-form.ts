/**
 * What the people forms can tell by themselves before anything is sent, with the contract's limits
 * (shared/contract/common.ts, people.ts). Whether an employee number or badge is already taken is
 * the hub's to say.
 */
import type { PersonRole } from '../../../shared/contract/roles.js';

// The limits of shared/contract/common.ts, repeated: importing that module would bring zod into the bundle.
const limits = { shortText: 120, employeeNo: 32, badge: 128 } as const;

export const personRoleList: readonly PersonRole[] = ['staff', 'supervisor', 'warden', 'admin'];

const employeeNoPattern = /^[A-Za-z0-9_-]+$/;
const controlChars = /\p{Cc}/u;

export type FieldProblem =
  | 'employeeNo'
  | 'name'
  | 'team'
  | 'badge'
  | 'pin'
  | 'pinRepeat'
  | 'passedOn'
  | 'passedOnFuture'
  | 'expiresOn'
  | 'expiresWithoutPass'
  | 'nothingChanged';

export interface PersonDraft {
  employeeNo: string;
  name: string;
  team: string;
  role: PersonRole;
  badge: string;
}

export function employeeNoProblem(value: string): FieldProblem | null {
  const v = value.trim();
  return v && v.length <= limits.employeeNo && employeeNoPattern.test(v) ? null : 'employeeNo';
}

/** Name, team and badge: the fields a person has in people admin. */
export function personProblems(d: PersonDraft): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  const problem = employeeNoProblem(d.employeeNo);
  if (problem) out.employeeNo = problem;
  const name = d.name.trim();
  if (!name || name.length > limits.shortText || controlChars.test(name)) out.name = 'name';
  if (d.team.trim().length > limits.shortText || controlChars.test(d.team)) out.team = 'team';
  if (d.badge.trim().length > limits.badge || controlChars.test(d.badge)) out.badge = 'badge';
  return out;
}

/** A new PIN typed twice; empty is allowed only where a PIN is optional. */
export function pinProblems(pin: string, repeat: string, required: boolean): Record<string, FieldProblem> {
  if (!pin && !repeat && !required) return {};
  if (!/^\d{4,8}$/.test(pin)) return { pin: 'pin' };
  if (pin !== repeat) return { pinRepeat: 'pinRepeat' };
  return {};
}

/** Training dates: passed on a day that has come, and an expiry (optional) not before it. */
export function trainingProblems(passedOn: string, expiresOn: string, today: string, passRequired: boolean): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  if (!passedOn) {
    if (passRequired) out.passedOn = 'passedOn';
    else if (expiresOn) out.expiresOn = 'expiresWithoutPass';
    return out;
  }
  if (passedOn > today) out.passedOn = 'passedOnFuture';
  if (expiresOn && expiresOn < passedOn) out.expiresOn = 'expiresOn';
  return out;
}
