/**
 * The appearance self-check: the versioned checklist, the checks people submit (by the ticket their
 * sign-in gave the kiosk, or by PIN) and the supervisor's review of failed ones. Runs in: the hub.
 * A new site starts with the department's default list (version 1), stored when the hub first opens
 * the database.
 */
import {
  ApiError,
  type AppearanceChecklist,
  type AppearanceItem,
  type ReviewItem,
  type SupervisorAuth,
} from '../../../shared/contract/index.js';
import { defaultAppearanceChecklist, duplicateItemIds, judgeCheck, sameChecklist, type AppearanceAction } from '../../../shared/domain/checklist.js';
import { toInstant, type Clock } from '../clock.js';
import { actorOf, type Caller } from '../context.js';
import type { Database, Queryable } from '../db/port.js';
import type { EventBus } from '../events.js';
import {
  checklistByVersion,
  checklistsByIds,
  currentChecklist,
  failedChecks,
  findCheck,
  insertCheck,
  insertChecklist,
  insertResolution,
  openFailedCount,
  reviewItem,
  type ChecklistRow,
  type ReviewRow,
} from '../db/stores/appearance.js';
import { appendAudit } from '../db/stores/audit.js';
import { findPersonById, type PersonRow } from '../db/stores/people.js';
import type { PinCheck } from './pin-check.js';
import type { SupervisorAuthService } from './supervisor-auth.js';
import type { TicketStore } from './tickets.js';

export interface AppearanceDeps {
  db: Database;
  clock: Clock;
  checkPin: PinCheck;
  tickets: TicketStore;
  supervisor: SupervisorAuthService;
  events: EventBus;
}

/** How long the kiosk may take from the sign-in to the self-check without asking for a PIN. */
export const selfCheckTicketMs = 10 * 60_000;

const itemsOf = (row: ChecklistRow) => JSON.parse(row.items) as AppearanceItem[];

const checklistView = (row: ChecklistRow): AppearanceChecklist => ({ version: row.version, createdAt: toInstant(row.created_at), items: itemsOf(row) });

/** Turns stored failed checks into review items, with the flagged items as the check's version worded them. */
export async function reviewItems(db: Queryable, rows: ReviewRow[]): Promise<ReviewItem[]> {
  const lists = new Map((await checklistsByIds(db, [...new Set(rows.map((r) => r.checklist_id))])).map((l) => [l.id, itemsOf(l)]));
  return rows.map((r) => {
    const items = lists.get(r.checklist_id) ?? [];
    const flagged = (JSON.parse(r.flagged) as string[]).map((id) => items.find((i) => i.id === id)).filter((i): i is AppearanceItem => i !== undefined);
    return {
      checkId: r.id,
      at: toInstant(r.at),
      person: { employeeNo: r.employee_no, name: r.name, team: r.team },
      checklistVersion: r.checklist_version,
      flagged,
      note: r.note,
      passed: r.required_flagged === 0,
      resolution:
        r.resolution_action === null
          ? null
          : {
              action: r.resolution_action as AppearanceAction,
              note: r.resolution_note ?? '',
              at: toInstant(r.resolution_at!),
              by: { employeeNo: r.resolver_employee_no ?? '', name: r.resolver_name ?? '' },
            },
    };
  });
}

export function createAppearanceService({ db, clock, checkPin, tickets, supervisor, events }: AppearanceDeps) {
  return {
    async ensureDefault(): Promise<void> {
      if (await currentChecklist(db)) return;
      const at = clock.now();
      await db.transaction(async (tx) => {
        if (await currentChecklist(tx)) return;
        const row = await insertChecklist(tx, JSON.stringify(defaultAppearanceChecklist), at, null, null);
        await appendAudit(tx, { at, actor: 'hub', action: 'checklist.default', entity: 'checklists', entityId: row.id, record: row });
      });
    },

    async current(): Promise<AppearanceChecklist> {
      const row = await currentChecklist(db);
      return row ? checklistView(row) : { version: 1, createdAt: toInstant(0), items: [...defaultAppearanceChecklist] };
    },

    async update(input: { auth: SupervisorAuth; items: AppearanceItem[] }, caller: Caller) {
      const twice = duplicateItemIds(input.items);
      if (twice.length) throw new ApiError('duplicate_checklist_item', { item: twice.join(', ') });
      const by = await supervisor.authorise(input.auth, caller);
      const at = clock.now();
      return db.transaction(async (tx) => {
        const latest = await currentChecklist(tx);
        if (latest && sameChecklist(itemsOf(latest), input.items)) return { checklist: checklistView(latest), created: false };
        const row = await insertChecklist(tx, JSON.stringify(input.items), at, by.id, caller.device?.id ?? null);
        await appendAudit(tx, { at, actor: actorOf(caller), action: 'checklist.update', entity: 'checklists', entityId: row.id, record: row });
        return { checklist: checklistView(row), created: true };
      });
    },

    /** The ticket a sign-in hands the kiosk for this person's self-check. */
    issueTicket: (personId: number, deviceId: number | null) => tickets.issue('self-check', personId, deviceId, { ttlMs: selfCheckTicketMs }),

    async submit(
      input: { ticket?: string; employeeNo?: string; pin?: string; checklistVersion: number; flagged: string[]; note: string },
      caller: Caller,
    ) {
      const list = await checklistByVersion(db, input.checklistVersion);
      if (!list) throw new ApiError('unknown_checklist_version', { version: input.checklistVersion });
      const outcome = judgeCheck(itemsOf(list), input.flagged);
      if (outcome.unknown.length) throw new ApiError('unknown_checklist_item', { item: outcome.unknown.join(', ') });
      // The ticket is used up only once everything else about the check is known to be fine.
      const deviceId = caller.device?.id ?? null;
      let person: PersonRow | undefined;
      if (input.ticket !== undefined) {
        const personId = tickets.redeem('self-check', input.ticket, deviceId, { consume: true });
        person = personId === null ? undefined : await findPersonById(db, personId);
        if (!person?.active) throw new ApiError('self_check_ticket_invalid');
      } else {
        person = await checkPin(input.employeeNo!, input.pin!, caller);
      }
      const at = clock.now();
      const row = await db.transaction(async (tx) => {
        const check = await insertCheck(tx, {
          person_id: person.id,
          checklist_id: list.id,
          at,
          flagged: JSON.stringify(input.flagged),
          required_flagged: outcome.requiredFlagged,
          note: input.note,
          via: input.ticket !== undefined ? 'ticket' : 'pin',
          device_id: deviceId,
        });
        await appendAudit(tx, { at, actor: actorOf(caller), action: 'appearance.check', entity: 'appearance_checks', entityId: check.id, record: check });
        return check;
      });
      events.publish('appearance.changed', { checkId: row.id, change: 'checked', at: toInstant(at) });
      return {
        checkId: row.id,
        at: toInstant(at),
        passed: outcome.passed,
        requiredFlagged: outcome.requiredFlagged,
        queued: !outcome.passed,
        person: { employeeNo: person.employee_no, name: person.name },
      };
    },

    async reviewQueue(input: { status: 'open' | 'resolved' | 'all'; limit: number }) {
      const [rows, open] = await Promise.all([failedChecks(db, input.status, input.limit), openFailedCount(db)]);
      return { items: await reviewItems(db, rows), open };
    },

    async resolve(input: { auth: SupervisorAuth; checkId: number; action: AppearanceAction; note: string }, caller: Caller): Promise<ReviewItem> {
      const check = await findCheck(db, input.checkId);
      if (!check) throw new ApiError('unknown_check');
      const by = await supervisor.authorise(input.auth, caller);
      const at = clock.now();
      await db.transaction(async (tx) => {
        const resolution = { check_id: check.id, action: input.action, note: input.note, person_id: by.id, at, device_id: caller.device?.id ?? null };
        const id = await insertResolution(tx, resolution);
        if (id === null) throw new ApiError('already_resolved');
        await appendAudit(tx, { at, actor: actorOf(caller), action: 'appearance.resolved', entity: 'appearance_resolutions', entityId: id, record: { id, ...resolution } });
      });
      events.publish('appearance.changed', { checkId: check.id, change: 'resolved', at: toInstant(at) });
      const [item] = await reviewItems(db, [(await reviewItem(db, check.id))!]);
      return item!;
    },
  };
}

export type AppearanceService = ReturnType<typeof createAppearanceService>;
