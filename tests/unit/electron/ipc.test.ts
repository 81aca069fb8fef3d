import { describe, expect, it } from 'vitest';
import { ipcChannels, type CallResponse } from '../../../shared/contract/bridge.js';
import type { Language } from '../../../shared/i18n/index.js';
import { appUrl } from '../../../electron/main/hardening.js';
import type { HubEventMessage, HubLink } from '../../../electron/main/hub-link.js';
import { installIpc } from '../../../electron/main/ipc.js';
import { FakeFrame, FakeIpcMain, FakeWebContents } from '../../support/fake-electron.js';

/** A hub link that records what reaches it. */
function recordingLink() {
  const calls: Array<{ method: string; input: unknown; language: Language }> = [];
  const events = new Set<(event: HubEventMessage) => void>();
  const connections = new Set<(connected: boolean) => void>();
  const link: HubLink & { connected: boolean } = {
    connected: true,
    async call(method, input, language) {
      calls.push({ method, input, language });
      return { ok: true, output: { people: [], visitors: [] } };
    },
    onEvent: (listener) => (events.add(listener), () => void events.delete(listener)),
    onConnection: (listener) => (connections.add(listener), () => void connections.delete(listener)),
    close: () => undefined,
  };
  return { link, calls, emit: (event: HubEventMessage) => events.forEach((l) => l(event)), connect: (c: boolean) => connections.forEach((l) => l(c)) };
}

function setup(language: Language = 'en') {
  const ipcMain = new FakeIpcMain();
  const hub = recordingLink();
  const ours = new FakeWebContents(appUrl);
  const other = new FakeWebContents(appUrl);
  const windows = [ours];
  const ipc = installIpc({
    ipcMain,
    link: hub.link,
    isOurs: (contents) => windows.some((w) => w.id === contents.id),
    windows: () => windows,
    language: () => language,
    role: () => 'kiosk',
  });
  const invoke = (payload: unknown, sender: FakeWebContents = ours, frame: FakeFrame | null = sender.mainFrame) =>
    ipcMain.invoke(ipcChannels.call, sender, frame, payload) as Promise<CallResponse>;
  return { ipcMain, hub, ours, other, windows, invoke, ipc };
}

const good = { method: 'presence.onSite', input: {} };

describe('the IPC call door', () => {
  it('forwards a good call from the app’s main frame to the hub, in the device’s language', async () => {
    const { invoke, hub } = setup('zh-CN');
    expect(await invoke(good)).toEqual({ ok: true, output: { people: [], visitors: [] } });
    expect(hub.calls).toEqual([{ method: 'presence.onSite', input: {}, language: 'zh-CN' }]);
  });

  it('refuses a call from a page outside the app, without touching the hub', async () => {
    const { invoke, ours, hub } = setup();
    for (const url of ['https://example.com/', 'http://127.0.0.1:7420/', 'file:///tmp/x.html', 'app://other/', '']) {
      ours.mainFrame.url = url;
      const answer = await invoke(good);
      expect(answer, url).toMatchObject({ ok: false, status: 403, error: { code: 'forbidden' } });
    }
    expect(hub.calls).toEqual([]);
  });

  it('refuses a call from a subframe, even one showing the app', async () => {
    const { invoke, ours, hub } = setup();
    const subframe = new FakeFrame(appUrl, ours.mainFrame);
    expect(await invoke(good, ours, subframe)).toMatchObject({ ok: false, status: 403 });
    expect(hub.calls).toEqual([]);
  });

  it('refuses a call from web contents that are not one of the shell’s windows', async () => {
    const { invoke, other, hub } = setup();
    expect(await invoke(good, other)).toMatchObject({ ok: false, status: 403 });
    expect(hub.calls).toEqual([]);
  });

  it('refuses a call whose frame is already gone', async () => {
    const { invoke, ours, hub } = setup();
    expect(await invoke(good, ours, null)).toMatchObject({ ok: false, status: 403 });
    expect(hub.calls).toEqual([]);
  });

  it('refuses an unknown method or a malformed payload with 400, without touching the hub', async () => {
    const { invoke, hub } = setup('en');
    for (const payload of [
      { method: 'presence.dropTable', input: {} },
      { method: 'constructor', input: {} },
      { method: '__proto__', input: {} },
      { method: 42, input: {} },
      { method: 'presence.onSite', input: {}, token: 'smuggled' },
      { input: {} },
      'presence.onSite',
      null,
      undefined,
      ['presence.onSite', {}],
      { method: 'x'.repeat(10_000), input: {} },
    ]) {
      const answer = await invoke(payload);
      expect(answer, JSON.stringify(payload)?.slice(0, 60)).toMatchObject({ ok: false, status: 400, error: { code: 'bad_request' } });
      expect((answer as { error: { message: string } }).error.message).toMatch(/not well formed/);
    }
    expect(hub.calls).toEqual([]);
  });

  it('answers refusals in the device’s language', async () => {
    const { invoke } = setup('zh-CN');
    expect(await invoke(null)).toMatchObject({ error: { message: '请求格式不正确。' } });
  });
});

describe('events to the windows', () => {
  it('go to every window showing the app, on the event channel, with name and payload only', () => {
    const { hub, ours, windows } = setup();
    const second = new FakeWebContents(appUrl);
    const strayed = new FakeWebContents('https://example.com/');
    const closed = new FakeWebContents(appUrl);
    closed.destroyed = true;
    windows.push(second, strayed, closed);
    hub.emit({ name: 'emergency.started', payload: { emergencyId: 7 } });
    for (const contents of [ours, second]) {
      expect(contents.sent).toEqual([{ channel: ipcChannels.event, args: [{ name: 'emergency.started', payload: { emergencyId: 7 } }] }]);
    }
    expect(strayed.sent).toEqual([]);
    expect(closed.sent).toEqual([]);
  });

  it('tell a window that has just loaded whether the hub is there', () => {
    const { ipc, ours, hub } = setup();
    ipc.greet(ours);
    hub.link.connected = false;
    ipc.greet(ours);
    expect(ours.sent.map((s) => s.args[0])).toEqual([
      { name: 'connection', payload: { connected: true } },
      { name: 'connection', payload: { connected: false } },
    ]);
  });

  it('include the link to the hub going down and up again', () => {
    const { hub, ours } = setup();
    hub.connect(false);
    hub.connect(true);
    expect(ours.sent.map((s) => s.args[0])).toEqual([
      { name: 'connection', payload: { connected: false } },
      { name: 'connection', payload: { connected: true } },
    ]);
  });
});
