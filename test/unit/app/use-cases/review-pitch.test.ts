import { describe, expect, it } from 'vitest';
import type { PitchDraftContent, PitchProvenance, PitchVersionView } from '../../../../app/contract/pitch-channels';
import type { PitchReview, ReviewPolicy } from '../../../../app/domain/desk-users';
import { recordedText } from '../../../../app/domain/localized-text';
import { templateDraft } from '../../../../app/pitch';
import type { NewPitchReview, PitchStore, PitchSubjects, StoredPitchDraft } from '../../../../app/ports/pitch-store';
import type { AdviceRecord, PitchAdviceRecord } from '../../../../app/records/advice-record';
import { AdviceRecordSchema } from '../../../../app/records/advice-record-schema';
import { createPitchReview } from '../../../../app/use-cases/pitch/review-pitch';
import { TODAY, latestMarket, suitabilityOf, suitablePairs } from '../pitch/pitch-fixtures';

const AT = `${TODAY}T10:00:00.000Z`;
const GOOD = { accuracy: 5, suitability: 4, clarity: 4, compliance: 5 };
const pair = suitablePairs()[0]!;
const drafted = (({ source: _s, language: _l, label: _b, ...content }) => content)(
  templateDraft(pair.facts, { language: 'en', tone: 'warm', length: 'short' }),
) as PitchDraftContent;
const provenance = (source: PitchProvenance['source']): PitchProvenance => ({
  source,
  modelSha256: source === 'model' ? 'a'.repeat(64) : null,
  modelFile: source === 'model' ? 'tiny.gguf' : null,
  promptHash: null,
  prompt: null,
  settings: {},
  droppedFacts: [],
  generatedTokens: null,
  millis: null,
});

/** One draft in memory, written by ADV-01 with a model, with whatever the use-case stores beside it. */
function desk(policy: ReviewPolicy = 'model-text') {
  const versions: PitchVersionView[] = [
    {
      version: 1,
      author: 'ADV-01',
      createdAt: AT,
      content: drafted,
      label: recordedText({ key: 'pitchJob.editLabel' }),
      provenance: provenance('model'),
      issues: [],
      approvable: true,
      approval: null,
    },
  ];
  const records: AdviceRecord[] = [];
  const reviews: PitchReview[] = [];
  let awaiting: StoredPitchDraft['awaitingReview'] = null;
  const toReview = (r: NewPitchReview): PitchReview => ({ ...r, reviewerName: 'Zhang Min' });
  const store: PitchStore = {
    createDraft: async () => 'D-1',
    draft: async () => ({
      id: 'D-1',
      clientId: pair.client.id,
      productId: pair.product.id,
      language: 'en',
      currentVersion: versions.length,
    }),
    addVersion: async () => versions.length,
    dropIfEmpty: async () => undefined,
    list: async () => [],
    view: async () => ({
      id: 'D-1',
      clientId: pair.client.id,
      productId: pair.product.id,
      language: 'en',
      status: versions.some((v) => v.approval) ? 'approved' : 'draft',
      approvedVersion: versions.find((v) => v.approval)?.version ?? null,
      createdAt: AT,
      updatedAt: AT,
      versions: versions as [PitchVersionView, ...PitchVersionView[]],
      awaitingReview: awaiting,
      reviews,
    }),
    approve: async (_id, version, meta, record, review) => {
      versions[version - 1] = { ...versions[version - 1]!, approval: { by: meta.actor, at: meta.at } };
      records.push(record);
      if (review) reviews.push(toReview(review));
      awaiting = null;
    },
  };
  const subjects: PitchSubjects = {
    subjectOf: async () => ({
      client: pair.client,
      product: pair.product,
      verdict: suitabilityOf(pair.client, pair.product),
      market: latestMarket(),
    }),
  };
  let actor = 'ADV-01';
  const review = createPitchReview({
    store,
    subjects,
    clock: { nowIso: () => AT, today: () => TODAY },
    ids: { randomId: () => 'abcdef0123456789abcdef' },
    get actor() {
      return actor;
    },
    reviews: {
      policy: async () => policy,
      submit: async (s) => void (awaiting = { version: s.version, by: s.by, at: s.at }),
      sendBack: async (r) => {
        reviews.push(toReview(r));
        awaiting = null;
      },
      userName: async (id) => (id === 'REV-01' ? 'Zhang Min' : null),
    },
  });
  return { review, records, reviews, versions, as: (id: string) => (actor = id) };
}

describe('approving a pitch under four-eyes review', () => {
  it('refuses the author approving text a model wrote, naming the rule, and makes no record', async () => {
    const d = desk();
    await expect(d.review.approve('D-1', 1)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/^Four-eyes rule: a pitch with text a language model wrote/),
    });
    expect(d.records).toEqual([]);
  });

  it('lets the author approve when the policy reviews no drafts, with no review on the record', async () => {
    const d = desk('none');
    const view = await d.review.approve('D-1', 1);
    expect(view.reviewRequired).toBe(false);
    expect(d.records).toHaveLength(1);
    expect(d.records[0]).toMatchObject({ approver: 'ADV-01', review: null });
  });

  it("makes the reviewer's approval one record carrying the rubric, the comment and the hand-over", async () => {
    const d = desk();
    await d.review.submitForReview('D-1', 1);
    d.as('REV-01');
    const view = await d.review.review('D-1', 1, 'approve', GOOD, ' Clear and accurate. ');
    expect(view.versions[0]!.approval).toEqual({ by: 'REV-01', at: AT });
    expect(d.records).toHaveLength(1);
    expect(d.records[0]).toMatchObject({
      schema: 'advisor-desk/advice-record@2',
      advisor: 'ADV-01',
      approver: 'REV-01',
      review: {
        reviewer: { id: 'REV-01', name: 'Zhang Min' },
        rubric: GOOD,
        comment: 'Clear and accurate.',
        submittedBy: 'ADV-01',
        submittedAt: AT,
        reviewedAt: AT,
      },
    });
    expect(AdviceRecordSchema.safeParse(JSON.parse(JSON.stringify(d.records[0]))).success).toBe(true);
  });

  it('keeps a version sent back unapproved, with no record', async () => {
    const d = desk();
    await d.review.submitForReview('D-1', 1);
    d.as('REV-01');
    const view = await d.review.review('D-1', 1, 'send-back', { ...GOOD, accuracy: 2 }, 'The rate is not a fact.');
    expect(view.versions[0]!.approval).toBeNull();
    expect(view.reviews).toMatchObject([{ decision: 'sent-back', rubric: { accuracy: 2 } }]);
    expect(d.records).toEqual([]);
  });

  it('refuses a review of a version nobody submitted', async () => {
    const d = desk();
    d.as('REV-01');
    await expect(d.review.review('D-1', 1, 'approve', GOOD, '')).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('advice records of the first layout', () => {
  it('are still read: an @1 record without a review parses', async () => {
    const d = desk('none');
    await d.review.approve('D-1', 1);
    const { review: _review, ...rest } = JSON.parse(JSON.stringify(d.records[0])) as PitchAdviceRecord;
    const v1 = { ...rest, schema: 'advisor-desk/advice-record@1' };
    expect(AdviceRecordSchema.safeParse(v1).success).toBe(true);
    expect(AdviceRecordSchema.safeParse({ ...v1, schema: 'advisor-desk/advice-record@3' }).success).toBe(false);
  });
});
