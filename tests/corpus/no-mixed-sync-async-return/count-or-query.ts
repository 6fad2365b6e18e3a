// A repository method: an empty id list short-circuits to 0, anything else
// goes to the database.
const db = {
  async count(sql: string, params: readonly string[]): Promise<number> {
    return sql.length + params.length;
  },
};

export const orders = {
  countByIds(ids: readonly string[]) { // expect-report
    if (ids.length === 0) return 0;
    return db.count('select count(*) from orders where id = any($1)', ids);
  },
};
