/**
 * Pairs a new device from the desk: a role and a name, then a one-time link `<hub>/pair#<code>` as
 * text and as a QR code for a tablet's camera. The code rides in the fragment, which browsers never
 * send to a server; it works once, until it expires.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract/methods.js';
import { asApiCallError, runsInShell, type ApiCallError } from '../../api/index.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime } from '../../components/format.js';
import { QrCode, type QrLibrary } from '../../components/QrCode.js';
import { pairingPath } from '../pairing/pairing-link.js';
import { useAdminAuth, useWhileUnlocked } from '../admin/admin-session.js';
import { copyText } from '../export/copy.js';

const roles = ['kiosk', 'warden', 'display', 'admin'] as const;
type InviteRole = (typeof roles)[number];
type Invite = MethodOutput<'device.invite'>;

/** The link a browser opens to pair: this page's own hub address, the pairing path, the code after #. */
export const pairingLinkFor = (code: string) => `${new URL(pairingPath, window.location.href).href}#${code}`;

async function loadQr(): Promise<QrLibrary> {
  const mod = await import('qrcode');
  // The library is CommonJS: depending on the bundler its functions sit on the module or on `default`.
  return 'create' in mod && typeof mod.create === 'function' ? mod : (mod as unknown as { default: QrLibrary }).default;
}

export function PairDevice({ onPaired }: { onPaired(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const client = useApi();
  const auth = useAdminAuth();
  const whileUnlocked = useWhileUnlocked();
  const [role, setRole] = useState<InviteRole>('kiosk');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [invite, setInvite] = useState<Invite | null>(null);

  async function make(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setProblem(name.trim() ? null : t('records.devices.pair.nameMissing'));
    if (!name.trim()) return;
    setBusy(true);
    try {
      setInvite(await whileUnlocked(() => client.call('device.invite', { auth, role, name: name.trim() })));
      onPaired();
    } catch (err) {
      setError(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('records.devices.pair.title')}
      </h2>
      {invite ? (
        <InviteLink
          invite={invite}
          onAnother={() => {
            setInvite(null);
            setName('');
          }}
        />
      ) : (
        <>
          <p className="panel-body">{t('records.devices.pair.body')}</p>
          <form className="records-period" onSubmit={(e) => void make(e)}>
            <div className="field">
              <label htmlFor={`${id}-role`} className="field-label">
                {t('records.devices.pair.role')}
              </label>
              <select id={`${id}-role`} className="field-input" value={role} onChange={(e) => setRole(e.target.value as InviteRole)}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field records-grow">
              <label htmlFor={`${id}-name`} className="field-label">
                {t('records.devices.pair.name')}
              </label>
              <input
                id={`${id}-name`}
                className="field-input"
                value={name}
                maxLength={60}
                placeholder={t('records.devices.pair.namePlaceholder')}
                onChange={(e) => setName(e.target.value)}
                aria-invalid={problem ? true : undefined}
              />
            </div>
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('records.devices.pair.making') : t('records.devices.pair.make')}
            </button>
          </form>
          <ErrorNotice error={error} message={problem} />
        </>
      )}
    </section>
  );
}

function InviteLink({ invite, onAnother }: { invite: Invite; onAnother(): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const inShell = runsInShell();
  // Inside the desktop shell the page is not served by the hub, so its address is not the hub's.
  const link = inShell ? null : pairingLinkFor(invite.code);
  const fieldRef = useRef<HTMLInputElement>(null);
  const [qr, setQr] = useState<QrLibrary | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => {
    let alive = true;
    if (link) void loadQr().then((lib) => alive && setQr(() => lib), () => undefined);
    return () => {
      alive = false;
    };
  }, [link]);

  return (
    <div className="records-invite" role="status">
      <p>{t('records.devices.pair.ready', { name: invite.name, role: t(`roles.${invite.role}`), until: formatDateTime(invite.expiresAt, i18n.language) })}</p>
      {inShell && <p className="panel-body">{t('records.devices.pair.shell', { path: pairingPath })}</p>}
      <div className="records-invite-body">
        {link && qr && (
          <div className="records-qr">
            <QrCode lib={qr} text={link} label={t('records.devices.pair.qr')} />
          </div>
        )}
        <div className="records-invite-text">
          <label htmlFor={`${id}-link`} className="field-label">
            {t('records.devices.pair.link')}
          </label>
          <input id={`${id}-link`} ref={fieldRef} className="field-input records-mono" readOnly value={link ?? invite.code} data-testid="pairing-link" />
          <div className="toolbar">
            <button type="button" className="button button-secondary" onClick={() => void copyText(link ?? invite.code, fieldRef.current).then(setCopied)}>
              {t('records.devices.pair.copy')}
            </button>
            <button type="button" className="button button-secondary" onClick={onAnother}>
              {t('records.devices.pair.another')}
            </button>
          </div>
          <p className="records-inline-status">{copied === true ? t('records.key.copied') : copied === false ? t('records.key.copyFailed') : ''}</p>
        </div>
      </div>
    </div>
  );
}
