/**
 * The devices paired with the hub, newest first: name, role, when paired and last seen, and a
 * Revoke with confirmation. This desk cannot revoke itself (the hub refuses it too).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceListItem } from '../../../shared/contract/device.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { useDevice } from '../../app/device-context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime } from '../../components/format.js';
import { useAdminAuth, useWhileUnlocked } from '../admin/admin-session.js';
import { ModalDialog } from '../emergency/ModalDialog.js';

export function DeviceList({ devices, error, onChanged }: { devices: readonly DeviceListItem[] | undefined; error: ApiCallError | null; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const self = useDevice();
  const [revoking, setRevoking] = useState<DeviceListItem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('records.devices.list.title')}
      </h2>
      <ErrorNotice error={error} />
      <div role="status" className="records-status">
        {done && <p className="notice notice-ok">{t('records.devices.revoke.done', { name: done })}</p>}
      </div>
      {devices && devices.length === 0 && <p className="empty">{t('records.devices.list.empty')}</p>}
      {devices && devices.length > 0 && (
        <div className="records-table-wrap">
          <table className="records-table" data-testid="device-list">
            <thead>
              <tr>
                <th scope="col">{t('records.devices.list.name')}</th>
                <th scope="col">{t('records.devices.list.role')}</th>
                <th scope="col">{t('records.devices.list.paired')}</th>
                <th scope="col">{t('records.devices.list.lastSeen')}</th>
                <th scope="col">{t('records.devices.list.status')}</th>
                <th scope="col">{t('records.devices.list.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((device) => {
                const isSelf = self?.deviceId === device.deviceId;
                return (
                  <tr key={device.deviceId} data-testid="device-row" data-device-id={device.deviceId} className={device.revokedAt ? 'records-revoked' : undefined}>
                    <th scope="row">
                      {device.name}
                      {isSelf && <span className="records-self">{t('records.devices.list.thisDevice')}</span>}
                    </th>
                    <td>{t(`roles.${device.role}`)}</td>
                    <td>{formatDateTime(device.createdAt, lng)}</td>
                    <td>{device.lastSeenAt ? formatDateTime(device.lastSeenAt, lng) : t('records.devices.list.notSeen')}</td>
                    <td>{device.revokedAt ? t('records.devices.list.revoked', { at: formatDateTime(device.revokedAt, lng) }) : t('records.devices.list.active')}</td>
                    <td>
                      {!device.revokedAt &&
                        (isSelf ? (
                          <span className="records-muted">{t('records.devices.list.cannotSelf')}</span>
                        ) : (
                          <button
                            type="button"
                            className="button button-secondary records-row-button"
                            aria-label={t('records.devices.list.revokeFor', { name: device.name })}
                            onClick={() => {
                              setDone(null);
                              setRevoking(device);
                            }}
                          >
                            {t('records.devices.list.revoke')}
                          </button>
                        ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {revoking && (
        <RevokeDialog
          device={revoking}
          onCancel={() => setRevoking(null)}
          onDone={() => {
            setDone(revoking.name);
            setRevoking(null);
            onChanged();
          }}
        />
      )}
    </section>
  );
}

function RevokeDialog({ device, onCancel, onDone }: { device: DeviceListItem; onCancel(): void; onDone(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const client = useApi();
  const auth = useAdminAuth();
  const whileUnlocked = useWhileUnlocked();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);

  async function revoke() {
    setBusy(true);
    setError(null);
    try {
      await whileUnlocked(() => client.call('device.revoke', { auth, deviceId: device.deviceId }));
      onDone();
    } catch (err) {
      setError(asApiCallError(err));
      setBusy(false);
    }
  }

  return (
    <ModalDialog labelledBy={titleId} className="emg-dialog-wide emg-dialog-danger records-dialog" onCancel={() => !busy && onCancel()}>
      <h2 id={titleId} className="panel-title">
        {t('records.devices.revoke.title', { name: device.name })}
      </h2>
      <p>{t('records.devices.revoke.body')}</p>
      <ErrorNotice error={error} />
      <div className="form-actions">
        <button type="button" ref={cancelRef} className="button button-secondary" onClick={onCancel} disabled={busy}>
          {t('records.devices.revoke.cancel')}
        </button>
        <button type="button" className="button button-danger" onClick={() => void revoke()} disabled={busy}>
          {busy ? t('records.devices.revoke.working') : t('records.devices.revoke.confirm')}
        </button>
      </div>
    </ModalDialog>
  );
}
