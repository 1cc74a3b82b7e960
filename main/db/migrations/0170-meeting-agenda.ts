import { DEMO_BRANCH_TIME_ZONE } from '../../../app/demo/demo-activity';
import type { Db } from '../connection';
import { DEMO_ACTOR } from '../demo-seed';

/** The demo's and earlier versions' English place and purpose words, and the codes they become. */
const PLACE_CODES: Record<string, string> = {
  'branch office': 'branch',
  branch: 'branch',
  'client office': 'client-office',
  'video call': 'video',
  video: 'video',
  phone: 'phone',
  'phone call': 'phone',
};
const PURPOSE_CODES: Record<string, string> = {
  'annual review': 'annual-review',
  'questionnaire refresh': 'questionnaire-refresh',
  'retirement planning': 'retirement-planning',
  'protection review': 'protection-review',
  'financing needs': 'financing-needs',
  'portfolio rebalance': 'portfolio-rebalance',
  'new client': 'new-client',
};

/**
 * The agenda: a meeting can be cancelled (kept, with its status) and its place and purpose are codes both languages
 * can name. Words written before are mapped to their code; a word with no code becomes "other" and is kept as the
 * note beside it, so nothing the advisor typed is lost. Meetings are not sealed records and settings are not audited,
 * so nothing here touches the audit trail; changes made from now on are audited by the agenda itself.
 */
export const migration0170 = {
  version: 170,
  name: 'meeting-agenda',
  up(db: Db): void {
    db.exec(`
      ALTER TABLE meetings ADD COLUMN status TEXT NOT NULL DEFAULT 'scheduled'
        CHECK (status IN ('scheduled', 'cancelled'));
      ALTER TABLE meetings ADD COLUMN location_note TEXT NOT NULL DEFAULT '';
      ALTER TABLE meetings ADD COLUMN purpose_note TEXT NOT NULL DEFAULT '';
      CREATE INDEX meetings_advisor_starts_at ON meetings (advisor_id, starts_at);
    `);
    const rows = db.prepare('SELECT id, location, purpose FROM meetings').all() as {
      id: string;
      location: string;
      purpose: string;
    }[];
    const update = db.prepare(
      'UPDATE meetings SET location = ?, location_note = ?, purpose = ?, purpose_note = ? WHERE id = ?',
    );
    const toCode = (codes: Record<string, string>, word: string): [string, string] => {
      const key = word.trim().toLowerCase();
      const code = codes[key] ?? (Object.values(codes).includes(key) ? key : undefined);
      return code ? [code, ''] : ['other', word.trim()];
    };
    for (const row of rows) {
      const [location, locationNote] = toCode(PLACE_CODES, row.location);
      const [purpose, purposeNote] = toCode(PURPOSE_CODES, row.purpose);
      update.run(location, locationNote, purpose, purposeNote, row.id);
    }
    // A store the demo seeded holds the demo branch's meetings, set in its office hours: it gets the branch's clock,
    // as a newly seeded demo store does, unless someone already chose a zone.
    const seededByDemo = db.prepare('SELECT 1 FROM audit_log WHERE actor = ? LIMIT 1').get(DEMO_ACTOR) !== undefined;
    if (seededByDemo)
      db.prepare(`INSERT OR IGNORE INTO settings (key, value_json, updated_at) VALUES ('timeZone', ?, ?)`).run(
        JSON.stringify(DEMO_BRANCH_TIME_ZONE),
        new Date().toISOString(),
      );
  },
};
