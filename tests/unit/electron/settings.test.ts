import { describe, expect, it } from 'vitest';
import { createMemorySettings, createSettingsStore, defaultSettings, settingsFromArgs } from '../../../electron/main/settings.js';

describe('device settings', () => {
  it('default to a kiosk that hosts its own hub on 127.0.0.1:7420, in Chinese', () => {
    const { settings, problem } = createMemorySettings().load();
    expect(problem).toBeUndefined();
    expect(settings).toEqual({ role: 'kiosk', hubPort: 7420, language: 'zh-CN', kioskIdleSeconds: 90 });
    expect(settings.hubUrl).toBeUndefined();
  });

  it('save a valid change and read it back from the same file', () => {
    const backend = { store: {} as Record<string, unknown> };
    createSettingsStore(backend).save({ role: 'display', language: 'en' });
    expect(backend.store).toMatchObject({ role: 'display', language: 'en' });
    expect(createSettingsStore(backend).load().settings).toMatchObject({ role: 'display', language: 'en', hubPort: 7420 });
  });

  it('refuse an invalid change and keep what was there', () => {
    const backend = { store: { role: 'warden' } as Record<string, unknown> };
    const store = createSettingsStore(backend);
    expect(() => store.save({ role: 'root' as never })).toThrow();
    expect(() => store.save({ hubUrl: 'https://hub.example:7420/' })).toThrow(/token/); // a remote hub needs its token
    expect(() => store.save({ hubUrl: 'file:///etc/passwd', token: 'x'.repeat(32) })).toThrow();
    expect(backend.store).toEqual({ role: 'warden' });
    expect(store.save({ hubUrl: 'https://hub.example:7420/', token: 'x'.repeat(32) })).toMatchObject({ role: 'warden', hubUrl: 'https://hub.example:7420/' });
  });

  it('fall back to the defaults, and say why, when the file holds nonsense', () => {
    const { settings, problem } = createMemorySettings({ role: 'superuser', hubPort: 'many' }).load();
    expect(settings).toEqual(defaultSettings);
    expect(problem).toMatch(/role/);
  });

  it('take first-start settings from the command line', () => {
    expect(settingsFromArgs(['/usr/bin/safefloor', '--role=display', '--language=en', '--other'])).toEqual({ role: 'display', language: 'en' });
    expect(settingsFromArgs(['.', '--hub-url=https://hub:7420/', '--token=abc'])).toEqual({ hubUrl: 'https://hub:7420/', token: 'abc' });
    expect(settingsFromArgs(['.'])).toEqual({});
  });
});
