/** Which device this screen is, once the hub has said so: the frame offers each role its controls. */
import { createContext, useContext } from 'react';
import type { DeviceInfo } from '../../shared/contract/device.js';

export const DeviceContext = createContext<DeviceInfo | null>(null);

export function useDevice(): DeviceInfo | null {
  return useContext(DeviceContext);
}
