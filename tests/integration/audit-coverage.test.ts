/**
 * The audit log records the sign-ins of supervisors and every privileged action, each with the
 * device (and, where a supervisor's PIN or ticket authorised it, the person) behind it. One row of
 * the table below per action: a new privileged action belongs here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
let device: Record<'kiosk' | 'warden' | 'admin', number>;
let person: Record<string, number>;
beforeAll(async () => {
  t = await startTestHub();
  device = {
    kiosk: (await t.call('device.whoami', {}, 'kiosk')).body.deviceId,
    warden: (await t.call('device.whoami', {}, 'warden')).body.deviceId,
    admin: (await t.call('device.whoami', {}, 'admin')).body.deviceId,
  };
  const rows = await t.hub.db.all<{ id: number; employee_no: string }>("SELECT id, employee_no FROM people WHERE employee_no IN ('1002', '1003', '1004', '1050')");
  person = Object.fromEntries(rows.map((r) => [r.employee_no, r.id]));
});
afterAll(async () => t.stop());

interface Entry {
  seq: number;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
}

const lastSeq = async () => (await t.hub.db.get<{ seq: number }>('SELECT max(seq) AS seq FROM audit_log'))?.seq ?? 0;
const since = (seq: number) => t.hub.db.all<Entry>('SELECT seq, actor, action, entity, entity_id FROM audit_log WHERE seq > ? ORDER BY seq', [seq]);

/** Runs `act` and returns the audit entries it appended (waiting a little for background work). */
async function audited(act: () => Promise<unknown>, wait: (entries: Entry[]) => boolean = () => true): Promise<Entry[]> {
  const from = await lastSeq();
  await act();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const entries = await since(from);
    if (wait(entries) || Date.now() > deadline) return entries;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ok = async (res: Promise<{ status: number; body: any }>) => {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

describe('the audit log covers supervisors’ sign-ins and every privileged action', () => {
  it('a supervisor signing in at the door (and a staff member: every sign-in is there)', async () => {
    const entries = await audited(() => ok(t.call('presence.signIn', { employeeNo: '1002', pin: '1234' }, 'kiosk')));
    const event = await t.hub.db.get<{ id: number }>('SELECT id FROM presence_events WHERE person_id = ? ORDER BY id DESC LIMIT 1', [person['1002']!]);
    expect(entries).toContainEqual(expect.objectContaining({ action: 'presence.sign_in', actor: `device:${device.kiosk}`, entity: 'presence_events', entity_id: String(event!.id) }));
  });

  it('a supervisor opening the admin screens with their PIN', async () => {
    const entries = await audited(() => ok(t.call('admin.unlock', { employeeNo: '1002', pin: '1234' }, 'admin')));
    expect(entries).toContainEqual(expect.objectContaining({ action: 'admin.unlock', actor: `device:${device.admin}`, entity_id: String(person['1002']) }));
  });

  it('wrong PINs, and the lockout they lead to', async () => {
    const entries = await audited(async () => {
      for (let i = 0; i < 5; i++) await t.call('presence.signIn', { employeeNo: '1050', pin: '0000' }, 'kiosk');
    });
    expect(entries.map((e) => e.action)).toEqual(['pin.failed', 'pin.failed', 'pin.failed', 'pin.failed', 'pin.locked']);
    expect(entries.every((e) => e.entity_id === String(person['1050']))).toBe(true);
  });

  it('an emergency: declared, each person marked safe, ended with a PIN', async () => {
    let emergencyId = 0;
    const start = await audited(async () => {
      emergencyId = (await ok(t.call('emergency.start', { kind: 'fire', drill: true }, 'warden'))).emergency.id;
    });
    expect(start).toContainEqual(expect.objectContaining({ action: 'emergency.drill_started', actor: `device:${device.warden}`, entity_id: String(emergencyId) }));
    const mark = await audited(() => ok(t.call('emergency.markSafe', { emergencyId, employeeNo: '1002' }, 'warden')));
    expect(mark).toContainEqual(expect.objectContaining({ action: 'rollcall.marked', actor: `device:${device.warden}` }));
    const end = await audited(() => ok(t.call('emergency.end', { emergencyId, employeeNo: '1003', pin: '1234' }, 'warden')));
    expect(end).toContainEqual(expect.objectContaining({ action: 'emergency.ended', actor: `device:${device.warden}`, entity_id: String(emergencyId) }));
  });

  it('a hazard: reported, planned, fixed and verified (each signed)', async () => {
    let hazardId = 0;
    const report = await audited(async () => {
      hazardId = (await ok(t.call('hazard.report', { description: 'Exit sign dark', location: 'Corridor B' }, 'kiosk'))).id;
    });
    expect(report).toContainEqual(expect.objectContaining({ action: 'hazard.reported', actor: `device:${device.kiosk}` }));
    const steps = await audited(async () => {
      await ok(t.call('hazard.plan', { hazardId, responsible: 'Facilities', measures: 'Replace the lamp', deadline: '2026-12-01', interimSafeguard: 'Torch at the door' }, 'warden'));
      await ok(t.call('hazard.fix', { hazardId, employeeNo: '1003', pin: '1234' }, 'warden'));
      await ok(t.call('hazard.verify', { hazardId, employeeNo: '1004', pin: '1234' }, 'admin'));
    });
    expect(steps.map((e) => [e.action, e.actor])).toEqual([
      ['hazard.plan', `device:${device.warden}`],
      ['hazard.fixed', `device:${device.warden}`],
      ['hazard.verified', `device:${device.admin}`],
    ]);
  });

  it('an export started from the admin screen names the device; its download is recorded too', async () => {
    const entries = await audited(
      () => ok(t.call('export.start', {}, 'admin')),
      (e) => e.some((x) => x.action === 'export.created'),
    );
    expect(entries).toContainEqual(expect.objectContaining({ action: 'export.created', actor: `device:${device.admin}` }));
    const folder = (await ok(t.call('export.list', {}, 'admin'))).exports[0] as string;
    const download = await audited(async () => {
      const res = await fetch(new URL(`/api/v1/exports/${folder}.zip`, t.http.url), { headers: { Authorization: `Bearer ${t.tokens.admin}` } });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    });
    expect(download).toContainEqual(expect.objectContaining({ action: 'export.downloaded', actor: `device:${device.admin}`, entity_id: folder }));
  });

  it('devices: a token made, a pairing link made and redeemed, a device revoked', async () => {
    let made = 0;
    const token = await audited(async () => {
      made = (await t.hub.devices.createToken('display', 'hall screen')).device.id;
    });
    expect(token).toContainEqual(expect.objectContaining({ action: 'device.token_created', actor: 'local', entity_id: String(made) }));
    const pairing = await audited(async () => {
      const { code } = await t.hub.devices.createPairing('kiosk', 'back door');
      await ok(t.call('device.pair', { code }, { token: null }));
    });
    expect(pairing.map((e) => e.action)).toEqual(['device.pairing_created', 'device.paired']);
    const revoke = await audited(() => ok(t.call('device.revoke', { auth: { employeeNo: '1004', pin: '1234' }, deviceId: made }, 'admin')));
    expect(revoke).toContainEqual(expect.objectContaining({ action: 'device.revoked', actor: `device:${device.admin}/person:${person['1004']}`, entity_id: String(made) }));
  });

  it('the chain stays whole after all of it', async () => {
    const { checkAuditChain } = await import('../../electron/hub/db/stores/audit.js');
    expect(await checkAuditChain(t.hub.db)).toMatchObject({ ok: true });
  });
});
