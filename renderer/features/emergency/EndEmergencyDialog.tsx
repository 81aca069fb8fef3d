/** Ending an emergency: the employee number and PIN of a warden, supervisor or admin (emergency.end). */
import { useTranslation } from 'react-i18next';
import { asApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { CredentialDialog } from './CredentialDialog.js';
import type { ShownEmergency } from './emergency-store.js';
import { useEmergencyStore } from './context.js';

export function EndEmergencyDialog({ emergency, onClose }: { emergency: ShownEmergency; onClose(): void }) {
  const { t } = useTranslation();
  const client = useApi();
  const store = useEmergencyStore();
  return (
    <CredentialDialog
      title={emergency.drill ? t('emergency.end.drillTitle') : t('emergency.end.title')}
      explanation={t('emergency.end.explain')}
      confirmLabel={t('emergency.end.confirm')}
      onCancel={onClose}
      onSubmit={async ({ employeeNo, pin }) => {
        try {
          const report = await client.call('emergency.end', { emergencyId: emergency.id, employeeNo, pin });
          store.endedHere(report);
          return null;
        } catch (err) {
          const error = asApiCallError(err);
          // Someone else ended it meanwhile: nothing left to end here.
          if (error.code === 'emergency_not_active') {
            store.refresh();
            onClose();
            return null;
          }
          return error;
        }
      }}
    />
  );
}
