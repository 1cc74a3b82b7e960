import type { Db } from '../connection';
import { FUNNEL_REBUILD, FUNNEL_TABLES, FUNNEL_TRIGGERS } from '../funnel-sql';

/**
 * The conversion funnel's rollup (see main/db/funnel-sql.ts): a day's shown, pitched, interested and accepted per
 * product, advisor, client segment and policy, kept by triggers in the same transaction as each impression, reaction
 * and pitch draft, and filled here from what the store already holds.
 */
export const migration0210 = {
  version: 210,
  name: 'conversion-funnel',
  up(db: Db): void {
    db.exec(FUNNEL_TABLES);
    db.exec(FUNNEL_TRIGGERS);
    db.exec(FUNNEL_REBUILD);
  },
};
