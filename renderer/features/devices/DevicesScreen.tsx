/**
 * Devices on the admin desk: pair a new one with a one-time link, the paired devices with revocation,
 * and the database backups the hub keeps.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { BackupList } from './BackupList.js';
import { DeviceList } from './DeviceList.js';
import { PairDevice } from './PairDevice.js';
import '../../styles/records.css';

const refreshMs = 5_000;

export function DevicesScreen() {
  const { t } = useTranslation();
  const heading = useFocusHeading();
  const devices = useHubQuery((client) => client.call('device.list', {}));
  // A device paired from here shows up once its browser has opened the link; last seen moves on.
  const { reload } = devices;
  useEffect(() => {
    const timer = setInterval(reload, refreshMs);
    return () => clearInterval(timer);
  }, [reload]);
  return (
    <section className="screen records" aria-labelledby="devices-title">
      <header className="screen-head">
        <h1 id="devices-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('records.devices.title')}
        </h1>
        <p className="screen-sub">{t('records.devices.sub')}</p>
      </header>
      <PairDevice onPaired={devices.reload} />
      <DeviceList devices={devices.data?.devices} error={devices.error} onChanged={devices.reload} />
      <BackupList />
    </section>
  );
}
