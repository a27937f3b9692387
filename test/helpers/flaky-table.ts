// Test helper: the real serving table, failing once (like a throttled DynamoDB) when `failAt` items
// have been written, so checkpoint-and-resume paths can be driven on the embedded stack.
import { DependencyError } from '../../shared/domain/errors';
import type { Item, Table } from '../../shared/ports/table';

export function flakyTable(real: Table, failAt: number): Table & { written: number } {
  let failed = false;
  const table = {
    written: 0,
    get: real.get.bind(real),
    put: real.put.bind(real),
    putIfAbsent: real.putIfAbsent.bind(real),
    query: real.query.bind(real),
    async putMany(items: Item[]) {
      if (!failed && table.written + items.length > failAt) {
        failed = true;
        throw new DependencyError('throttled');
      }
      table.written += items.length;
      await real.putMany(items);
    },
  };
  return table;
}
