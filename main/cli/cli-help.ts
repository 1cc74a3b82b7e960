export const HELP = `advisor-desk: the Advisor Desk store from a terminal

Usage:
  advisor-desk seed [--force]                 load the demo book of business into an empty database
  advisor-desk reset                          wipe clients, products and history, then load the demo data
  advisor-desk clients list [--search Q] [--limit N]
  advisor-desk clients show ID
  advisor-desk products list [--family F]     F: deposit, fund, security, insurance, consumer_credit, business_finance
  advisor-desk import clients|products|holdings|market|interactions FILE.csv --mapping MAPPING.json [--delimiter D]
                     [--encoding E] [--decimal .|,]
                                              add records from a CSV file, all or nothing (see README for the limits);
                                              Ctrl-C stops it and nothing is imported (exit 130)
  advisor-desk import-events FILE.csv [--mapping MAPPING.json] [--delimiter D] [--encoding E] [--decimal .|,]
                                              outcomes from a flat table (client_id, product_id, occurred_at, outcome,
                                              client.*, product.*, market.*); unknown clients and products are created
  advisor-desk evaluate [--split time:0.8|rolling:K] [--k 7] [--predictions-out FILE.csv] [--model FILE.gguf [--llm-clients 100]]
                                              held-out AUC, log loss, calibration, P/NDCG/MAP@k of the interest
                                              model and its baselines on a time split, or K rolling-origin folds
                                              (trains nothing it keeps)
  advisor-desk train [--model FILE.gguf] [--force-live]
                                              full retrain on every recorded outcome; the new version goes live
                                              unless it scores worse than the live one on the same held-out
                                              outcomes (both figures are printed; --force-live makes it live anyway;
                                              the previous one is kept and can be made active again in the app);
                                              --model loads the GGUF file and trains with its signals llm.similarity
                                              and llm.fit as features (rankings use them while it is loaded);
                                              Ctrl-C stops it after the current product, storing nothing (exit 130)
  advisor-desk recommend --client ID [--top N] [--include-credit]
                                              the client's suitable products by probability of interest (N: 10)
                                              with their reasons, then the excluded products and the rules why;
                                              credit products are ranked only for a borrowing need in the profile
                                              (a home purchase, business objectives, credit held, a cash shortfall)
                                              unless --include-credit asks for them
  advisor-desk models list [--lang en|zh-CN]  GGUF files in the app's models/ folder and the data folder's models/,
                                              with header facts, fit on this machine and any problem
  advisor-desk models inspect FILE            one file's header, sha256 and fit; exit 5 if it cannot be loaded
  advisor-desk models make-test-model --out FILE [--preset tiny|0.5b] [--type f16|q8_0] [--plain] [--context N]
                                              write a random-weight llama GGUF of a real shape for tests and
                                              benchmarks (--plain: no chat template)
  advisor-desk draft --client ID --product ID [--model FILE [--lora FILE] [--lora-scale X]] [--lang en|zh-CN]
                     [--tone formal|warm|concise] [--length short|medium|long]
                                              a pitch for a suitable product: drafted by the GGUF model when --model
                                              is given, else the template draft; prints the text, the lint (blocking
                                              problems and warnings) and the provenance (model sha256, prompt hash,
                                              seed, threads). --lora applies a LoRA adapter GGUF made for that model
                                              (--lora-scale 0 to 4, default 1); the provenance then names the
                                              adapter, its sha256 and scale. The draft is kept as a version.
                                              Exit 5 for an unsuitable product, or a model or adapter file that
                                              cannot be used
  advisor-desk prepare --date YYYY-MM-DD [--advisor ID] [--model FILE] [--top N] --out DIR
                                              prepare the day's meetings (a calendar day in the advisor's time zone:
                                              the app's setting, else the machine's) as the agenda's "Prepare the
                                              day" does: per client the ranking (kept as shown), drafts for the top N
                                              suitable products (default 3) in the client's language, by the GGUF
                                              model when --model is given, else from templates, and a meeting pack
                                              PDF in DIR; a progress line on stderr. Exit 1 if a client could not be
                                              prepared, 3 if the day has no meetings, 130 on Ctrl-C (packs kept)
  advisor-desk analytics offpolicy [--policy NAME] [--from DAY] [--to DAY] [--outcome accepted|interested]
                                              estimate each candidate ranking policy's conversion per product shown
                                              (model-vN, popularity, rules-only; or the one named) from the rankings
                                              shown in [from, to) and the probability each product was shown with:
                                              IPS, self-normalised IPS and doubly robust, with 95% bootstrap
                                              intervals and the effective sample size, or the reason it cannot be
                                              estimated (exit 5 when the one policy named is refused)
  advisor-desk store status                   whether the database is encrypted at rest
  advisor-desk store encrypt                  encrypt the database in place (SQLCipher 4 format) with the key in
                                              $ADVISOR_DESK_DB_KEY, else typed twice; every command then needs that
                                              key ($ADVISOR_DESK_DB_KEY, else typed when asked on a terminal)
  advisor-desk store decrypt                  remove the encryption (key: $ADVISOR_DESK_DB_KEY, else typed)
  advisor-desk store rekey                    change the key: the current one as for decrypt, the new one from
                                              $ADVISOR_DESK_DB_NEW_KEY, else typed twice
                                              Each writes a checked copy and renames it over the database; on any
                                              failure the database is left as it was. Close the app first (exit 6)
  advisor-desk records export --from DAY --to DAY [--client ID] [--advisor ID] --format json|csv|pdf --out DIR
                              [--pseudonymize]
                                              the advice records made in the period, checked against their hashes,
                                              as one file with manifest.json (file sha256s, count, audit trail head);
                                              CSV has a row per product a record names. --pseudonymize: clients as
                                              keyed pseudonyms, no names, contacts or birth dates, amounts as ranges
  advisor-desk records verify-export DIR      re-check an export folder against its manifest (exit 8 if altered)
  advisor-desk records export-training --out FILE.jsonl [--from DAY] [--to DAY] [--include-unreviewed]
                                              approved pitches reviewed by a second person as prompt/response pairs
                                              for fine-tuning, without names, ids, contact details or exact amounts
  advisor-desk experiments list|results ID [--json]
                                              A/B tests and one test's report: arm conversion with Wilson intervals,
                                              differences with p-values and always-valid intervals, the verdict
  advisor-desk audit verify [--lang en|zh-CN] check the audit trail: every entry's keyed seal, the anchor kept beside
                                              the database (removed entries, an older copy put back), and every client,
                                              product, deviation and pitch draft against its seal (changes with no
                                              entry); lists each problem
  advisor-desk analytics funnel --by product|category|segment|advisor|policy [--from DAY] [--to DAY] [--json]
                                              shown, pitched, interested and accepted per group over the days (default:
                                              the 90 days up to the last ranking shown), with pitch rate, CTR
                                              (interested per shown), CVR (accepted per shown) and CVR per pitch, each
                                              with its 95% Wilson interval; a product counts as shown once per ranking
                                              that listed it (--by family also works)

Options:
  --db PATH    database file (default: $ADVISOR_DESK_DB, else the app's data folder)
  --user ID    the user every change is recorded under (default: $ADVISOR_DESK_USER, else the store's first active
               administrator); the command may do only what that user's roles allow
  --json       machine-readable output on stdout (import progress goes to stderr)
  --delimiter  , ; | or tab (default: the mapping's, else detected from the header)
  --encoding   the CSV's text encoding: utf-8 (default), gb18030, big5, windows-1252 or another WHATWG label;
               a file that is not valid in it is refused with the line
  --decimal    the CSV's decimal mark, . or , (default: the mapping's; without one, "1,5" is refused as ambiguous)
  -h, --help   this text

Exit codes:
  0  success
  1  any other failure (including seed refusing a non-empty database without --force)
  2  usage error: unknown command or option, bad value
  3  not found: no client or product with that id, or no model file at that path
  4  database error: file missing (for reads), newer than this app, or not an Advisor Desk database
  5  input refused: the CSV file has problems (each listed with line and column); nothing was imported;
     or models inspect found a file that cannot be loaded (the problem is printed); or draft was asked for an
     unsuitable product or given a model file that cannot be loaded or a LoRA adapter that does not fit it
  6  busy: another import or writer held the database past the wait (5 s); nothing was imported; try again;
     or store encrypt/decrypt/rekey found the database open in the app or another command
  7  key: the database is encrypted and the key is missing ($ADVISOR_DESK_DB_KEY unset and no terminal to ask
     on) or wrong
  8  tampered: audit verify found the audit trail or a record changed outside the app (each problem listed)
  130  cancelled: Ctrl-C (or SIGTERM) stopped train before it stored a version, or an import before it
     committed: nothing was stored (a second Ctrl-C quits at once)

Errors are one line on stderr. Settings and the audit trail survive reset.
`;

/**
 * `advisor-desk COMMAND --help`: the usage lines of that command (all its sub-commands), the options and the exit
 * codes; the whole text for a command it does not know.
 */
export function helpFor(command: string | undefined): string {
  if (!command) return HELP;
  const [intro, rest] = HELP.split('\nUsage:\n');
  const [usage, tail] = (rest ?? '').split('\nOptions:\n');
  const blocks: string[][] = [];
  for (const line of (usage ?? '').split('\n')) {
    if (line.startsWith('  advisor-desk ')) blocks.push([line]);
    else if (line.trim() !== '') blocks.at(-1)?.push(line);
  }
  const mine = blocks.filter((block) => block[0]!.slice('  advisor-desk '.length).split(/[\s[]/)[0] === command);
  if (mine.length === 0 || intro === undefined || tail === undefined) return HELP;
  return `${intro}\nUsage:\n${mine.map((block) => block.join('\n')).join('\n')}\n\nOptions:\n${tail}`;
}
