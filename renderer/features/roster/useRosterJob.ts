/**
 * Runs a roster preview or import as a job the screen can watch and stop: the call is named with a
 * job id of the screen's own making, `roster.progress` is asked a few times a second while it runs,
 * and `roster.cancel` stops it before it writes (an import writes everything in one transaction,
 * so a cancelled one changes nothing).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RosterProgress, RosterReport } from '../../../shared/contract/roster.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { useAdminAuth, useWhileUnlocked } from '../admin/admin-session.js';
import { newJobId, type PickedFile } from './roster-file.js';

export type RosterJobKind = 'preview' | 'import';

export type RosterJob =
  | { status: 'idle' }
  | {
      status: 'running';
      kind: RosterJobKind;
      jobId: string;
      progress: RosterProgress | null;
      /** asked: Cancel was pressed; tooLate: the import was already writing, it will finish. */
      cancel: 'none' | 'asked' | 'tooLate';
      cancelError: ApiCallError | null;
    }
  | { status: 'done'; kind: RosterJobKind; report: RosterReport }
  | { status: 'cancelled'; kind: RosterJobKind }
  | { status: 'failed'; kind: RosterJobKind; error: ApiCallError };

const pollMs = 250;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function useRosterJob() {
  const client = useApi();
  const auth = useAdminAuth();
  const whileUnlocked = useWhileUnlocked();
  const [job, setJob] = useState<RosterJob>({ status: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const ticket = 'ticket' in auth ? auth.ticket : '';

  const update = useCallback((jobId: string, change: (running: Extract<RosterJob, { status: 'running' }>) => RosterJob) => {
    setJob((current) => (current.status === 'running' && current.jobId === jobId ? change(current) : current));
  }, []);

  const start = useCallback(
    async (kind: RosterJobKind, file: PickedFile, deactivateMissing: boolean): Promise<RosterReport | null> => {
      const jobId = newJobId();
      setJob({ status: 'running', kind, jobId, progress: null, cancel: 'none', cancelError: null });
      let running = true;
      const poll = async () => {
        while (running && mounted.current) {
          await sleep(pollMs);
          if (!running || !mounted.current) return;
          try {
            const progress = await client.call('roster.progress', { jobId });
            if (running) update(jobId, (s) => ({ ...s, progress }));
          } catch {
            // Not started on the hub yet, or a blip: the next question tells.
          }
        }
      };
      void poll();
      const request = { csv: { base64: file.base64 }, deactivateMissing, jobId };
      try {
        const report =
          kind === 'preview'
            ? await client.call('roster.preview', request)
            : await whileUnlocked(() => client.call('roster.import', { ...request, auth: { ticket } }));
        setJob({ status: 'done', kind, report });
        return report;
      } catch (err) {
        const error = asApiCallError(err);
        setJob(error.code === 'roster_cancelled' ? { status: 'cancelled', kind } : { status: 'failed', kind, error });
        return null;
      } finally {
        running = false;
      }
    },
    [client, ticket, update, whileUnlocked],
  );

  const cancel = useCallback(async () => {
    if (job.status !== 'running') return;
    const { jobId } = job;
    update(jobId, (s) => ({ ...s, cancel: 'asked', cancelError: null }));
    // Pressed the moment the job began, the hub may not know its id yet: ask again shortly.
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await client.call('roster.cancel', { jobId });
        if (!answer.cancelled) update(jobId, (s) => ({ ...s, cancel: 'tooLate' }));
        return;
      } catch (err) {
        const error = asApiCallError(err);
        if (error.code === 'not_found' && attempt < 4) {
          await sleep(pollMs);
          continue;
        }
        update(jobId, (s) => ({ ...s, cancel: 'none', cancelError: error }));
        return;
      }
    }
  }, [client, job, update]);

  const reset = useCallback(() => setJob({ status: 'idle' }), []);
  return { job, start, cancel, reset };
}
