/** The software version, from package.json, for health answers and export manifests. Runs in: the hub. */
import pkg from '../../package.json' with { type: 'json' };

export const softwareVersion: string = pkg.version;
