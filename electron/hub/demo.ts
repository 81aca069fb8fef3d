/**
 * The demo site: a believable contact-centre floor to try SafeFloor on. Runs in: the hub.
 * 240 staff in six teams, employee numbers from 1001, PIN 1234, badge `BADGE-<employee number>`;
 * 1002 is a supervisor, 1003 the fire warden, 1004 the department head (admin).
 */
import type { PersonRole } from '../../shared/contract/index.js';
import { hashPin } from './auth/pin.js';
import type { Database } from './db/port.js';
import { appendAudit } from './db/stores/audit.js';
import { countPeople, insertPerson } from './db/stores/people.js';

export const demoPin = '1234';
export const demoStaffCount = 240;

const teams = ['话务一组', '话务二组', '话务三组', '在线客服组', '投诉处理组', '质检培训组'];
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const given = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '玉兰', '婷', '雪', '晨', '欣怡', '子涵', '浩然', '思远', '雨桐', '嘉怡', '宇轩', '梓萱', '俊杰', '佳琪'];

const roleOf = (employeeNo: number): PersonRole =>
  employeeNo === 1002 ? 'supervisor' : employeeNo === 1003 ? 'warden' : employeeNo === 1004 ? 'admin' : 'staff';

/** Fills an empty database with the demo site; leaves a database that has people alone. */
export async function seedDemo(db: Database, now: number): Promise<{ seeded: boolean; people: number }> {
  if ((await countPeople(db)) > 0) return { seeded: false, people: await countPeople(db) };
  // Every demo person has the same published PIN, so one hash serves them all; real people get
  // their own salt through the roster.
  const pinHash = await hashPin(demoPin);
  await db.transaction(async (tx) => {
    for (let i = 0; i < demoStaffCount; i++) {
      const no = 1001 + i;
      const name = surnames[i % surnames.length]! + given[(i * 7) % given.length]!;
      const team = teams[i % teams.length]!;
      const id = await insertPerson(
        tx,
        { employeeNo: String(no), name, team, role: roleOf(no), badge: `BADGE-${no}`, pinHash },
        now,
      );
      await appendAudit(tx, { at: now, actor: 'demo', action: 'people.create', entity: 'people', entityId: id, record: { id, employee_no: String(no), team, role: roleOf(no) } });
    }
  });
  return { seeded: true, people: demoStaffCount };
}
