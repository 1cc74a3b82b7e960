/**
 * The conversion funnel's storage (migration 0210), kept by triggers so every write path — the window, the command
 * line, imports, the demo history — keeps it in the same transaction as the impression, reaction or pitch it counts.
 * Reading `ranked_json` of a million impressions takes seconds; a day's rollup answers a period's funnel in tens of
 * milliseconds.
 *
 * What is counted, per impression and product listed in it (a "showing"):
 * - shown: every product in the impression's ranked list. The impression keeps exactly the list the advisor saw (the
 *   first `top` suitable products), so a listed product was on screen; "show more" is a new impression.
 * - pitched: a pitch was drafted for that client and product between this showing and the client's next ranking,
 *   at most 30 days after it (the latest ranking before the draft gets the credit).
 * - interested: a reaction recorded from this impression for the product, interested or accepted, not withdrawn.
 * - accepted: such a reaction that is accepted. pitched_accepted: pitched and accepted, for conversion per pitch.
 * A showing counts at most once at each stage, however many reactions or drafts it has. Segment, advisor (the user
 * the ranking was shown to) and policy are taken as they were when the ranking was shown. funnel_choices lists the
 * advisors and policies ever seen, for the page's filters.
 */

export const PITCH_WINDOW_DAYS = 30;

const ISO = `'%Y-%m-%dT%H:%M:%fZ'`;

/** The policy label of an impression row `r`; rows from before migration 0200 derive it from the model version. */
export const POLICY_OF_ROW = `COALESCE(r.policy, CASE WHEN r.model_version IS NULL THEN 'popularity' ELSE 'model-v' || r.model_version END)`;

/** A client's segment: the `segment` attribute where the book has one, else the kind (individual, business). */
export const SEGMENT_OF_CLIENT = `COALESCE(NULLIF(json_extract(c.custom_attributes_json, '$.segment'), ''), c.kind)`;

function listed(i: string, p: string): string {
  return `EXISTS (SELECT 1 FROM ranking_impressions lr, json_each(lr.ranked_json) lj
    WHERE lr.id = ${i} AND json_extract(lj.value, '$.productId') = ${p})`;
}

function pitchedExpr(i: string, p: string): string {
  return `EXISTS (SELECT 1 FROM ranking_impressions pr
      JOIN pitch_drafts pd ON pd.client_id = pr.client_id AND pd.product_id = ${p}
      JOIN pitch_draft_versions pv ON pv.draft_id = pd.id
    WHERE pr.id = ${i} AND pv.created_at >= pr.shown_at
      AND pv.created_at < strftime(${ISO}, pr.shown_at, '+${PITCH_WINDOW_DAYS} days')
      AND pv.created_at < COALESCE((SELECT min(nr.shown_at) FROM ranking_impressions nr
        WHERE nr.client_id = pr.client_id AND nr.shown_at > pr.shown_at), '9999'))`;
}

function reactedExpr(i: string, p: string, outcomes: string): string {
  return `EXISTS (SELECT 1 FROM interactions ri WHERE ri.impression_id = ${i} AND ri.product_id = ${p}
    AND ri.undone_at IS NULL AND ri.outcome IN (${outcomes}))`;
}

/** The grains the rollup keeps: a day, the week from its Monday, the month from its first (bucket = first day). */
const GRAINS = `(SELECT 'd' AS grain UNION ALL SELECT 'w' UNION ALL SELECT 'm')`;
function bucketOf(day: string): string {
  return `CASE g.grain WHEN 'd' THEN ${day} WHEN 'm' THEN substr(${day}, 1, 8) || '01'
    ELSE date(${day}, '-' || ((CAST(strftime('%w', ${day}) AS INTEGER) + 6) % 7) || ' days') END`;
}
const BUCKET = bucketOf('x.day');
const SUMS = `sum(x.shown), sum(x.pitched), sum(x.interested), sum(x.accepted), sum(x.pitched_accepted)`;
const ADD = `shown = shown + excluded.shown, pitched = pitched + excluded.pitched,
  interested = interested + excluded.interested, accepted = accepted + excluded.accepted,
  pitched_accepted = pitched_accepted + excluded.pitched_accepted`;

/**
 * Adds rows of counts (day, product_id, advisor_id, segment, policy, shown, pitched, interested, accepted,
 * pitched_accepted; negative to take away) to both rollups at every grain: by product, advisor and policy, and by
 * segment, family, advisor and policy. Two narrower tables instead of one with every key: a day's cells by product
 * and segment together would be as many as its showings.
 */
export function applyDeltas(rows: string): string {
  return `INSERT INTO funnel_rollup (grain, bucket, product_id, advisor_id, policy, shown, pitched, interested, accepted, pitched_accepted)
      SELECT g.grain, ${BUCKET}, x.product_id, x.advisor_id, x.policy, ${SUMS} FROM (${rows}) x, ${GRAINS} g
      GROUP BY 1, 2, 3, 4, 5 ON CONFLICT (grain, bucket, product_id, advisor_id, policy) DO UPDATE SET ${ADD};
    INSERT INTO funnel_segment_rollup (grain, bucket, segment, family, advisor_id, policy, shown, pitched, interested, accepted, pitched_accepted)
      SELECT g.grain, ${BUCKET}, x.segment, COALESCE(p.family, ''), x.advisor_id, x.policy, ${SUMS}
      FROM (${rows}) x LEFT JOIN products p ON p.id = x.product_id, ${GRAINS} g
      GROUP BY 1, 2, 3, 4, 5, 6 ON CONFLICT (grain, bucket, segment, family, advisor_id, policy) DO UPDATE SET ${ADD};`;
}

/** Adds (sign 1) or takes away (sign -1) the stored stages of one showing. */
function applyPair(i: string, p: string, sign: 1 | -1): string {
  const s = sign === 1 ? '' : '-';
  return applyDeltas(`SELECT fi.day, fp.product_id, fi.advisor_id, fi.segment, fi.policy, 0 AS shown,
      ${s}fp.pitched AS pitched, ${s}fp.interested AS interested, ${s}fp.accepted AS accepted,
      ${s}fp.pitched_accepted AS pitched_accepted
    FROM funnel_pairs fp JOIN funnel_impressions fi ON fi.impression_id = fp.impression_id
    WHERE fp.impression_id = ${i} AND fp.product_id = ${p}`);
}

/**
 * Statements that bring one showing's stages up to date: take its old stages out of the rollup, work them out again
 * from the raw tables, put them back. Only showings past "shown" have a funnel_pairs row.
 */
export function refreshPair(i: string, p: string): string {
  return `${applyPair(i, p, -1)}
    DELETE FROM funnel_pairs WHERE impression_id = ${i} AND product_id = ${p};
    INSERT INTO funnel_pairs (impression_id, product_id, pitched, interested, accepted, pitched_accepted)
      SELECT ${i}, ${p}, s.pitched, s.interested, s.accepted, s.pitched * s.accepted FROM (SELECT
        ${pitchedExpr(i, p)} AS pitched,
        ${reactedExpr(i, p, `'interested', 'accepted'`)} AS interested,
        ${reactedExpr(i, p, `'accepted'`)} AS accepted) s
      WHERE (s.pitched OR s.interested) AND ${listed(i, p)};
    ${applyPair(i, p, 1)}`;
}

/** The impression a pitch drafted now for this client is credited to: the client's latest ranking within the window. */
function creditedImpression(clientId: string, at: string): string {
  return `(SELECT cr.id FROM ranking_impressions cr WHERE cr.client_id = ${clientId} AND cr.shown_at <= ${at}
    AND cr.shown_at > strftime(${ISO}, ${at}, '-${PITCH_WINDOW_DAYS} days') ORDER BY cr.shown_at DESC, cr.rowid DESC LIMIT 1)`;
}

/** The products an impression listed, one "shown" each, with the facts of its showing. */
function showings(id: string, ranked: string, sign: 1 | -1): string {
  return `SELECT fi.day, json_extract(j.value, '$.productId') AS product_id, fi.advisor_id, fi.segment, fi.policy,
      ${sign} AS shown, 0 AS pitched, 0 AS interested, 0 AS accepted, 0 AS pitched_accepted
    FROM funnel_impressions fi, json_each(${ranked}) j WHERE fi.impression_id = ${id}`;
}

/** Facts of one impression as shown, and one "shown" for each product it listed. */
function recordShowing(id: string): string {
  return `INSERT INTO funnel_impressions (impression_id, day, advisor_id, segment, policy)
      SELECT r.id, substr(r.shown_at, 1, 10), r.shown_to, COALESCE(${SEGMENT_OF_CLIENT}, ''), ${POLICY_OF_ROW}
      FROM ranking_impressions r LEFT JOIN clients c ON c.id = r.client_id WHERE r.id = ${id};
    ${applyDeltas(showings(id, `(SELECT ranked_json FROM ranking_impressions WHERE id = ${id})`, 1))}
    INSERT OR IGNORE INTO funnel_choices (kind, value)
      SELECT 'advisor', advisor_id FROM funnel_impressions WHERE impression_id = ${id}
      UNION ALL SELECT 'policy', policy FROM funnel_impressions WHERE impression_id = ${id};`;
}

const COUNTS = `shown INTEGER NOT NULL,
    pitched INTEGER NOT NULL,
    interested INTEGER NOT NULL,
    accepted INTEGER NOT NULL,
    pitched_accepted INTEGER NOT NULL`;

export const FUNNEL_TABLES = `
  CREATE TABLE funnel_choices (
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (kind, value)
  ) WITHOUT ROWID;
  CREATE TABLE funnel_impressions (
    impression_id TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    advisor_id TEXT NOT NULL,
    segment TEXT NOT NULL,
    policy TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE funnel_pairs (
    impression_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    pitched INTEGER NOT NULL,
    interested INTEGER NOT NULL,
    accepted INTEGER NOT NULL,
    pitched_accepted INTEGER NOT NULL,
    PRIMARY KEY (impression_id, product_id)
  ) WITHOUT ROWID;
  CREATE TABLE funnel_rollup (
    grain TEXT NOT NULL CHECK (grain IN ('d', 'w', 'm')),
    bucket TEXT NOT NULL,
    product_id TEXT NOT NULL,
    advisor_id TEXT NOT NULL,
    policy TEXT NOT NULL,
    ${COUNTS},
    PRIMARY KEY (grain, bucket, product_id, advisor_id, policy)
  ) WITHOUT ROWID;
  CREATE TABLE funnel_segment_rollup (
    grain TEXT NOT NULL CHECK (grain IN ('d', 'w', 'm')),
    bucket TEXT NOT NULL,
    segment TEXT NOT NULL,
    family TEXT NOT NULL,
    advisor_id TEXT NOT NULL,
    policy TEXT NOT NULL,
    ${COUNTS},
    PRIMARY KEY (grain, bucket, segment, family, advisor_id, policy)
  ) WITHOUT ROWID;
`;

export const FUNNEL_TRIGGERS = `
  CREATE TRIGGER funnel_impression_shown AFTER INSERT ON ranking_impressions BEGIN
    ${recordShowing('NEW.id')}
  END;
  CREATE TRIGGER funnel_impression_removed BEFORE DELETE ON ranking_impressions BEGIN
    ${applyDeltas(showings('OLD.id', 'OLD.ranked_json', -1))}
    ${applyDeltas(`SELECT fi.day, fp.product_id, fi.advisor_id, fi.segment, fi.policy, 0 AS shown,
        -fp.pitched AS pitched, -fp.interested AS interested, -fp.accepted AS accepted, -fp.pitched_accepted AS pitched_accepted
      FROM funnel_pairs fp JOIN funnel_impressions fi ON fi.impression_id = fp.impression_id WHERE fp.impression_id = OLD.id`)}
    DELETE FROM funnel_pairs WHERE impression_id = OLD.id;
    DELETE FROM funnel_impressions WHERE impression_id = OLD.id;
  END;
  CREATE TRIGGER funnel_reaction_recorded AFTER INSERT ON interactions WHEN NEW.impression_id IS NOT NULL BEGIN
    ${refreshPair('NEW.impression_id', 'NEW.product_id')}
  END;
  CREATE TRIGGER funnel_reaction_changed AFTER UPDATE OF outcome, undone_at ON interactions
    WHEN NEW.impression_id IS NOT NULL BEGIN
    ${refreshPair('NEW.impression_id', 'NEW.product_id')}
  END;
  CREATE TRIGGER funnel_reaction_removed AFTER DELETE ON interactions WHEN OLD.impression_id IS NOT NULL BEGIN
    ${refreshPair('OLD.impression_id', 'OLD.product_id')}
  END;
  CREATE TRIGGER funnel_pitch_drafted AFTER INSERT ON pitch_draft_versions BEGIN
    ${refreshPair(
      creditedImpression('(SELECT client_id FROM pitch_drafts WHERE id = NEW.draft_id)', 'NEW.created_at'),
      '(SELECT product_id FROM pitch_drafts WHERE id = NEW.draft_id)',
    )}
  END;
`;

/**
 * Works the whole funnel out again from the raw tables: what migration 0210 does to the impressions already kept,
 * and what `rebuildFunnel` does on demand. The triggers must leave exactly what this leaves (a test checks it).
 * Showings are summed by day first; weeks and months are then summed from the days (a year of a million
 * impressions: ten million showings read once, not six times).
 */
export const FUNNEL_REBUILD = `
  DELETE FROM funnel_rollup;
  DELETE FROM funnel_segment_rollup;
  DELETE FROM funnel_pairs;
  DELETE FROM funnel_impressions;
  DELETE FROM funnel_choices;
  INSERT INTO funnel_impressions (impression_id, day, advisor_id, segment, policy)
    SELECT r.id, substr(r.shown_at, 1, 10), r.shown_to, COALESCE(${SEGMENT_OF_CLIENT}, ''), ${POLICY_OF_ROW}
    FROM ranking_impressions r LEFT JOIN clients c ON c.id = r.client_id;
  INSERT OR IGNORE INTO funnel_choices (kind, value)
    SELECT DISTINCT 'advisor', advisor_id FROM funnel_impressions
    UNION ALL SELECT DISTINCT 'policy', policy FROM funnel_impressions;
  CREATE TEMP TABLE funnel_candidates (impression_id TEXT NOT NULL, product_id TEXT NOT NULL, PRIMARY KEY (impression_id, product_id));
  INSERT OR IGNORE INTO funnel_candidates
    SELECT impression_id, product_id FROM interactions WHERE impression_id IS NOT NULL;
  INSERT OR IGNORE INTO funnel_candidates
    SELECT ${creditedImpression('d.client_id', 'v.created_at')} AS i, d.product_id
    FROM pitch_draft_versions v JOIN pitch_drafts d ON d.id = v.draft_id WHERE i IS NOT NULL;
  INSERT INTO funnel_pairs (impression_id, product_id, pitched, interested, accepted, pitched_accepted)
    SELECT impression_id, product_id, pitched, interested, accepted, pitched * accepted FROM (SELECT k.impression_id, k.product_id,
      ${pitchedExpr('k.impression_id', 'k.product_id')} AS pitched,
      ${reactedExpr('k.impression_id', 'k.product_id', `'interested', 'accepted'`)} AS interested,
      ${reactedExpr('k.impression_id', 'k.product_id', `'accepted'`)} AS accepted,
      ${listed('k.impression_id', 'k.product_id')} AS listed
      FROM funnel_candidates k) WHERE (pitched OR interested) AND listed;
  DROP TABLE temp.funnel_candidates;
  CREATE TEMP TABLE funnel_days AS
    SELECT fi.day, json_extract(j.value, '$.productId') AS product_id, fi.advisor_id, fi.segment, fi.policy,
      count(*) AS shown, 0 AS pitched, 0 AS interested, 0 AS accepted, 0 AS pitched_accepted
    FROM ranking_impressions r JOIN funnel_impressions fi ON fi.impression_id = r.id, json_each(r.ranked_json) j
    GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT fi.day, fp.product_id, fi.advisor_id, fi.segment, fi.policy, 0, sum(fp.pitched), sum(fp.interested),
      sum(fp.accepted), sum(fp.pitched_accepted)
    FROM funnel_pairs fp JOIN funnel_impressions fi ON fi.impression_id = fp.impression_id
    GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO funnel_rollup (grain, bucket, product_id, advisor_id, policy, shown, pitched, interested, accepted, pitched_accepted)
    SELECT 'd', x.day, x.product_id, x.advisor_id, x.policy, ${SUMS} FROM temp.funnel_days x GROUP BY 2, 3, 4, 5;
  INSERT INTO funnel_segment_rollup (grain, bucket, segment, family, advisor_id, policy, shown, pitched, interested, accepted, pitched_accepted)
    SELECT 'd', x.day, x.segment, COALESCE(p.family, ''), x.advisor_id, x.policy, ${SUMS}
    FROM temp.funnel_days x LEFT JOIN products p ON p.id = x.product_id GROUP BY 2, 3, 4, 5, 6;
  DROP TABLE temp.funnel_days;
  INSERT INTO funnel_rollup (grain, bucket, product_id, advisor_id, policy, shown, pitched, interested, accepted, pitched_accepted)
    SELECT g.grain, ${bucketOf('x.bucket')}, x.product_id, x.advisor_id, x.policy, ${SUMS}
    FROM funnel_rollup x, (SELECT 'w' AS grain UNION ALL SELECT 'm') g WHERE x.grain = 'd' GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO funnel_segment_rollup (grain, bucket, segment, family, advisor_id, policy, shown, pitched, interested, accepted, pitched_accepted)
    SELECT g.grain, ${bucketOf('x.bucket')}, x.segment, x.family, x.advisor_id, x.policy, ${SUMS}
    FROM funnel_segment_rollup x, (SELECT 'w' AS grain UNION ALL SELECT 'm') g WHERE x.grain = 'd' GROUP BY 1, 2, 3, 4, 5, 6;
`;
