/**
 * The writer's queue, with group commit. Runs in: the hub.
 *
 * A durable commit costs one fsync, and fsyncs queue behind each other. So transactions that arrive
 * while a commit is under way are run together in the next one: each inside its own savepoint (so
 * each is still all-or-nothing), then one COMMIT for all of them, and only then is any of them told
 * it succeeded. A lone transaction runs plainly, without savepoint overhead; a lone one-statement
 * transaction runs as that statement alone, and in a batch it needs no savepoint of its own.
 * Work inside a transaction must be database work only: a slow step holds up its whole batch.
 */
import type { Queryable, TransactionOptions } from './port.js';

interface WriterConnection extends Queryable {
  exec(sql: string): Promise<void>;
}

type Item =
  | { kind: 'tx'; work: (tx: Queryable) => Promise<unknown>; oneStatement?: boolean; resolve(value: unknown): void; reject(err: unknown): void }
  | { kind: 'solo'; work: () => Promise<unknown>; resolve(value: unknown): void; reject(err: unknown): void };

export class GroupCommitter {
  private readonly waiting: Item[] = [];
  private pumping = false;

  constructor(
    private readonly writer: WriterConnection,
    private readonly maxBatch = 64,
  ) {}

  transaction<T>(work: (tx: Queryable) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.enqueue({ kind: 'tx', work, oneStatement: options.oneStatement }) as Promise<T>;
  }

  /** Runs `work` alone on the writer, between batches (scripts, closing). */
  solo<T>(work: () => Promise<T>): Promise<T> {
    return this.enqueue({ kind: 'solo', work }) as Promise<T>;
  }

  private enqueue(item: Item extends infer I ? (I extends Item ? Omit<I, 'resolve' | 'reject'> : never) : never): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...item, resolve, reject } as Item);
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiting.length > 0) {
        const first = this.waiting[0]!;
        if (first.kind === 'solo') {
          this.waiting.shift();
          await first.work().then(first.resolve, first.reject);
          continue;
        }
        let count = 0;
        while (count < this.waiting.length && count < this.maxBatch && this.waiting[count]!.kind === 'tx') count++;
        const batch = this.waiting.splice(0, count) as Array<Extract<Item, { kind: 'tx' }>>;
        await (batch.length === 1 ? this.runOne(batch[0]!) : this.runBatch(batch));
      }
    } finally {
      this.pumping = false;
    }
  }

  private async runOne(item: Extract<Item, { kind: 'tx' }>): Promise<void> {
    // One statement is its own transaction (a failing one changes nothing); its commit is as durable.
    if (item.oneStatement) return item.work(this.writer).then(item.resolve, item.reject);
    try {
      await this.writer.exec('BEGIN IMMEDIATE');
    } catch (err) {
      return item.reject(err);
    }
    try {
      const result = await item.work(this.writer);
      await this.writer.exec('COMMIT');
      item.resolve(result);
    } catch (err) {
      await this.writer.exec('ROLLBACK').catch(() => undefined);
      item.reject(err);
    }
  }

  /**
   * Whether the batch's transaction is still open after a failed statement. BEGIN is refused
   * inside a transaction; if it is not refused, the transaction it just began is rolled back.
   */
  private async stillInTransaction(): Promise<boolean> {
    try {
      await this.writer.exec('BEGIN');
    } catch {
      return true;
    }
    await this.writer.exec('ROLLBACK').catch(() => undefined);
    return false;
  }

  /** Ends a batch whose transaction is gone: rolls back whatever is left and refuses every item. */
  private async abandon(batch: Array<Extract<Item, { kind: 'tx' }>>, err: unknown): Promise<void> {
    await this.writer.exec('ROLLBACK').catch(() => undefined);
    for (const item of batch) item.reject(err);
  }

  private async runBatch(batch: Array<Extract<Item, { kind: 'tx' }>>): Promise<void> {
    try {
      await this.writer.exec('BEGIN IMMEDIATE');
    } catch (err) {
      for (const item of batch) item.reject(err);
      return;
    }
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    for (const item of batch) {
      if (item.oneStatement) {
        // One statement needs no savepoint: a statement that fails is undone by SQLite alone, and
        // the transaction goes on (two round trips fewer each; under a crowd at the door they were
        // half the writer's time). Unless SQLite gave up the whole transaction: then, as below.
        try {
          outcomes.push({ ok: true, value: await item.work(this.writer) });
        } catch (error) {
          if (!(await this.stillInTransaction())) return this.abandon(batch, error);
          outcomes.push({ ok: false, error });
        }
        continue;
      }
      try {
        await this.writer.exec('SAVEPOINT one');
      } catch (err) {
        return this.abandon(batch, err);
      }
      try {
        const value = await item.work(this.writer);
        await this.writer.exec('RELEASE one');
        outcomes.push({ ok: true, value });
      } catch (error) {
        try {
          await this.writer.exec('ROLLBACK TO one; RELEASE one');
        } catch {
          // SQLite rolls the whole transaction back by itself after some errors (a full disk, an
          // I/O error): there is no savepoint left to return to. Going on would run the rest of
          // the batch outside any transaction, each committed on its own while its caller is told
          // it failed. Nothing of the batch was kept, so every caller hears that.
          return this.abandon(batch, error);
        }
        outcomes.push({ ok: false, error });
      }
    }
    try {
      await this.writer.exec('COMMIT');
    } catch (err) {
      await this.writer.exec('ROLLBACK').catch(() => undefined);
      batch.forEach((item, i) => {
        const outcome = outcomes[i]!;
        item.reject(outcome.ok ? err : outcome.error);
      });
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }
}
