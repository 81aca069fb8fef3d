/** Why an export was refused: nothing was signed, and nothing that looks like an export was left. Runs in: the hub. */
export type RefusedReason = 'chain_broken' | 'out_exists' | 'bad_period' | 'cancelled';

export class ExportRefused extends Error {
  constructor(
    readonly reason: RefusedReason,
    message: string,
  ) {
    super(message);
    this.name = 'ExportRefused';
  }
}
