/** Errors about the database file itself. Each names the file so the person fixing it knows where to look. */
export class DatabaseFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'damaged' | 'future' | 'unwritable' | 'unopenable',
    detail: string,
  ) {
    super(`${describe(reason)}: ${file} (${detail})`);
    this.name = 'DatabaseFileError';
  }
}

function describe(reason: DatabaseFileError['reason']): string {
  switch (reason) {
    case 'damaged':
      return 'The database file is damaged or is not a SafeFloor database; it was left as it is';
    case 'future':
      return 'The database file was written by a newer SafeFloor than this one; it was left as it is. Update SafeFloor';
    case 'unwritable':
      return 'The database file cannot be written (read-only folder or disk full)';
    case 'unopenable':
      return 'The database file cannot be opened';
  }
}
