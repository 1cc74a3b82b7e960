import type { Db } from '../connection';

/**
 * Clients, their questionnaires and holdings, the product catalog, settings and the audit trail.
 * Every ClientProfile field is a real column so suitability rules and exports can query them;
 * lists (objectives, custom attributes) are JSON text because nothing filters inside them in SQL.
 */
export const migration0010 = {
  version: 10,
  name: 'clients-products-audit',
  up(db: Db): void {
    db.exec(`
      CREATE TABLE clients (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('individual', 'business')),
        display_name TEXT NOT NULL,
        language TEXT NOT NULL,
        email TEXT,
        phone TEXT,
        city TEXT,
        birth_date TEXT,
        founded_date TEXT,
        occupation TEXT,
        sector TEXT,
        employees INTEGER,
        annual_income REAL,
        annual_revenue REAL,
        monthly_expenses REAL,
        investable_assets REAL NOT NULL DEFAULT 0,
        total_assets REAL NOT NULL DEFAULT 0,
        liabilities REAL NOT NULL DEFAULT 0,
        monthly_debt_payments REAL NOT NULL DEFAULT 0,
        dependents INTEGER NOT NULL DEFAULT 0,
        credit_score INTEGER,
        credit_rating TEXT,
        objectives_json TEXT NOT NULL DEFAULT '[]',
        horizon_years REAL NOT NULL DEFAULT 0,
        liquidity_need TEXT NOT NULL,
        knowledge_level TEXT NOT NULL,
        experience_years INTEGER NOT NULL DEFAULT 0,
        complex_product_experience INTEGER NOT NULL DEFAULT 0,
        professional_investor INTEGER NOT NULL DEFAULT 0,
        sustainability_preference INTEGER,
        kyc_reviewed_at TEXT,
        notes TEXT NOT NULL DEFAULT '',
        custom_attributes_json TEXT NOT NULL DEFAULT '{}',
        risk_class TEXT CHECK (risk_class IS NULL OR risk_class IN ('C1','C2','C3','C4','C5')),
        questionnaire_response_id TEXT,
        revision INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- Lower-cased name, id, email, phone and city: one column to scan for the list search.
        search_text TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX clients_display_name ON clients (display_name, id);
      CREATE INDEX clients_investable_assets ON clients (investable_assets, id);
      CREATE INDEX clients_risk_class ON clients (risk_class, id);
      CREATE INDEX clients_kyc_reviewed_at ON clients (kyc_reviewed_at, id);
      CREATE INDEX clients_updated_at ON clients (updated_at, id);
      CREATE INDEX clients_kind_display_name ON clients (kind, display_name, id);

      CREATE TABLE questionnaire_responses (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        questionnaire_version TEXT NOT NULL,
        answers_json TEXT NOT NULL,
        score REAL NOT NULL,
        risk_class TEXT NOT NULL,
        completed_at TEXT NOT NULL
      );
      CREATE INDEX questionnaire_responses_client ON questionnaire_responses (client_id, completed_at);

      CREATE TABLE products (
        id TEXT PRIMARY KEY,
        family TEXT NOT NULL,
        category TEXT NOT NULL,
        name_en TEXT NOT NULL,
        name_zh TEXT NOT NULL,
        risk_grade TEXT NOT NULL CHECK (risk_grade IN ('R1','R2','R3','R4','R5')),
        rate_kind TEXT NOT NULL,
        rate_min REAL,
        rate_max REAL,
        annual_fee_pct REAL NOT NULL DEFAULT 0,
        upfront_fee_pct REAL NOT NULL DEFAULT 0,
        term_months INTEGER,
        lockup_months INTEGER NOT NULL DEFAULT 0,
        liquidity TEXT NOT NULL,
        minimum_amount REAL NOT NULL DEFAULT 0,
        currency TEXT NOT NULL,
        complex INTEGER NOT NULL DEFAULT 0,
        insured INTEGER NOT NULL DEFAULT 0,
        eligibility_json TEXT NOT NULL,
        description_en TEXT NOT NULL DEFAULT '',
        description_zh TEXT NOT NULL DEFAULT '',
        risk_disclosure_en TEXT NOT NULL DEFAULT '',
        risk_disclosure_zh TEXT NOT NULL DEFAULT '',
        custom_attributes_json TEXT NOT NULL DEFAULT '{}',
        active INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX products_family ON products (family, category);

      CREATE TABLE holdings (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        product_id TEXT NOT NULL REFERENCES products (id),
        amount REAL NOT NULL,
        acquired_on TEXT NOT NULL
      );
      CREATE INDEX holdings_client ON holdings (client_id);
      CREATE INDEX holdings_product ON holdings (product_id);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      -- Append-only: the hash chain is computed in main/, the triggers make rewriting history fail loudly.
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      );
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, seq);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted'); END;
    `);
  },
};
