/**
 * A knex-style query builder: nothing runs until someone calls `then`, so a
 * builder that is never awaited never even sends its query.
 */
type Operator = '=' | '<' | '>' | '<=' | '>=' | '<>';

export class QueryBuilder<T> implements PromiseLike<T[]> {
  private readonly filters: [string, Operator, unknown][] = [];
  private action: 'select' | 'delete' = 'select';

  constructor(private readonly table: string) {}

  where(column: keyof T & string, operator: Operator, value: unknown): this {
    this.filters.push([column, operator, value]);
    return this;
  }

  del(): this {
    this.action = 'delete';
    return this;
  }

  then<R1 = T[], R2 = never>(
    onfulfilled?: ((rows: T[]) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): PromiseLike<R1 | R2> {
    return this.execute().then(onfulfilled, onrejected);
  }

  private async execute(): Promise<T[]> {
    if (this.filters.length === 0 && this.action === 'delete') {
      throw new Error(`refusing to delete every row of ${this.table}`);
    }
    return [];
  }
}

export function knex<T>(table: string): QueryBuilder<T> {
  return new QueryBuilder<T>(table);
}
