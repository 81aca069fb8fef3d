/**
 * The visitor safety briefing and its versions. Runs in: the hub.
 * A new site starts with the default text (version 1), stored when the hub first opens the database.
 */
import type { BriefingContentInput, BriefingVersion, SupervisorAuth } from '../../../shared/contract/index.js';
import { defaultBriefing, sameBriefing, type BriefingContent } from '../../../shared/domain/briefing.js';
import { canonicalJson } from '../../../shared/domain/canonical.js';
import { toInstant, type Clock } from '../clock.js';
import { actorOf, type Caller } from '../context.js';
import type { Database } from '../db/port.js';
import { appendAudit } from '../db/stores/audit.js';
import { currentBriefing, insertBriefing, type BriefingRow } from '../db/stores/briefings.js';
import type { SupervisorAuthService } from './supervisor-auth.js';

export interface BriefingDeps {
  db: Database;
  clock: Clock;
  supervisor: SupervisorAuthService;
}

export const briefingView = (row: BriefingRow): BriefingVersion => ({
  version: row.version,
  createdAt: toInstant(row.created_at),
  content: JSON.parse(row.content) as BriefingContent,
});

export function createBriefingService({ db, clock, supervisor }: BriefingDeps) {
  return {
    /** Stores the default briefing as version 1 on a database that has none. */
    async ensureDefault(): Promise<void> {
      if (await currentBriefing(db)) return;
      const at = clock.now();
      await db.transaction(async (tx) => {
        if (await currentBriefing(tx)) return;
        const row = await insertBriefing(tx, canonicalJson(defaultBriefing), at, null, null);
        await appendAudit(tx, { at, actor: 'hub', action: 'briefing.default', entity: 'briefings', entityId: row.id, record: row });
      });
    },

    async current(): Promise<BriefingVersion> {
      const row = await currentBriefing(db);
      if (!row) return { version: 1, createdAt: toInstant(0), content: defaultBriefing };
      return briefingView(row);
    },

    async update(input: { auth: SupervisorAuth; content: BriefingContentInput }, caller: Caller) {
      const by = await supervisor.authorise(input.auth, caller);
      const at = clock.now();
      return db.transaction(async (tx) => {
        const latest = await currentBriefing(tx);
        if (latest && sameBriefing(JSON.parse(latest.content) as BriefingContent, input.content)) return { briefing: briefingView(latest), created: false };
        const row = await insertBriefing(tx, canonicalJson(input.content), at, by.id, caller.device?.id ?? null);
        await appendAudit(tx, { at, actor: actorOf(caller), action: 'briefing.update', entity: 'briefings', entityId: row.id, record: row });
        return { briefing: briefingView(row), created: true };
      });
    },
  };
}

export type BriefingService = ReturnType<typeof createBriefingService>;
