import { describe, expect, it } from 'vitest';
import { addMonths, expiryFor, trainingGateDecision, trainingStatus } from '../../../shared/domain/training.js';

describe('safety training', () => {
  const today = '2026-11-26';

  it('is missing without a pass or expiry date, and never expires without an expiry date', () => {
    expect(trainingStatus({ passedOn: null, expiresOn: null }, today, 30)).toBe('missing');
    expect(trainingStatus({ passedOn: '2020-01-01', expiresOn: null }, today, 30)).toBe('ok');
  });

  it('is valid through its expiry day, expiring within the warning window, expired the day after', () => {
    expect(trainingStatus({ passedOn: '2025-11-26', expiresOn: '2026-11-26' }, today, 30)).toBe('expiring');
    expect(trainingStatus({ passedOn: '2025-11-25', expiresOn: '2026-11-25' }, today, 30)).toBe('expired');
    expect(trainingStatus({ passedOn: null, expiresOn: '2026-12-26' }, today, 30)).toBe('expiring');
    expect(trainingStatus({ passedOn: null, expiresOn: '2026-12-27' }, today, 30)).toBe('ok');
    expect(trainingStatus({ passedOn: null, expiresOn: '2026-11-27' }, today, 0)).toBe('ok');
  });

  it('warn lets everyone in with a warning; block refuses only missing or expired training', () => {
    expect(trainingGateDecision('ok', 'block')).toBe('allow');
    expect(trainingGateDecision('missing', 'warn')).toBe('warn');
    expect(trainingGateDecision('expired', 'warn')).toBe('warn');
    expect(trainingGateDecision('missing', 'block')).toBe('block');
    expect(trainingGateDecision('expired', 'block')).toBe('block');
    expect(trainingGateDecision('expiring', 'block')).toBe('warn');
  });

  it('expires the site’s validity period after the pass date, kept inside short months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-11-26', 12)).toBe('2027-11-26');
    expect(expiryFor('2026-03-01', null, 12)).toBe('2027-03-01');
    expect(expiryFor('2026-03-01', '2026-09-01', 12)).toBe('2026-09-01');
  });
});
