import type { ClientProfile } from '../../app/domain/client';
import { categoryName } from '../../app/domain/category-names';
import type { Product } from '../../app/domain/product';
import { renderMessage, translate, type MessageKey } from '../../app/messages';
import { LOCALE_TAGS, type Language } from '../../app/messages/language';
import type { TemplateValue } from '../../app/messages/message-format';
import type { SuitabilityClient } from '../../app/suitability';
import type { PdfMeta } from './pdf-document';

// Making a number format costs more than the rest of a table row: one per language and precision, kept.
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

/** The catalog in one document's language, and the formats every document shares. */
export class PdfText {
  constructor(readonly language: Language) {}

  t(key: MessageKey, values?: Record<string, TemplateValue>): string {
    return translate(this.language, key, values);
  }

  /** A time as UTC, minutes precision, the same on every machine (a document must be reproducible). */
  time(iso: string): string {
    return this.t('pdf.time', { time: `${iso.slice(0, 10)} ${iso.slice(11, 16)}` });
  }

  number(value: number, digits = 0): string {
    const key = `${this.language}/${digits}`;
    let format = NUMBER_FORMATS.get(key);
    if (!format) {
      format = new Intl.NumberFormat(LOCALE_TAGS[this.language], { maximumFractionDigits: digits });
      NUMBER_FORMATS.set(key, format);
    }
    return format.format(value);
  }

  money(value: number, currency?: string): string {
    return currency ? `${this.number(value)} ${currency}` : this.number(value);
  }

  yesNo(value: boolean | null): string {
    if (value === null) return this.t('common.notSet');
    return this.t(value ? 'common.yes' : 'common.no');
  }

  /** Data kept in both languages (a product's name): the document's language. */
  pick(en: string, zh: string): string {
    return this.language === 'zh-CN' ? zh : en;
  }

  productName(product: { nameEn: string; nameZh: string }): string {
    return this.pick(product.nameEn, product.nameZh);
  }

  page = (page: number, pages: number): string => this.t('pdf.page', { page, pages });

  meta(title: string, at: string, author: string, footer: string): PdfMeta {
    return { title, language: this.language, at: new Date(at), author, footer, pageLabel: this.page };
  }

  /** The profile fields a suitability judgement rests on, as label and value rows. */
  clientRows(client: SuitabilityClient): [string, string][] {
    const p = profileOf(client);
    const rows: [string, string][] = [
      [this.t('pdf.client.name'), p.displayName],
      [this.t('pdf.client.id'), client.id],
      [this.t('field.kind'), this.t(`kind.${p.kind}`)],
      [
        this.t('pitchFact.riskClass'),
        client.riskClass ? this.t(`riskClass.${client.riskClass}`) : this.t('pdf.client.notAssessed'),
      ],
      [this.t('field.objectives'), p.objectives.map((o) => this.t(`objective.${o}`)).join(this.separator())],
      [this.t('pitchFact.horizon'), this.t('pdf.years', { years: p.horizonYears })],
      [this.t('field.liquidityNeed'), this.t(`liquidityNeed.${p.liquidityNeed}`)],
      [this.t('field.knowledgeLevel'), this.t(`knowledge.${p.knowledgeLevel}`)],
      [this.t('field.experienceYears'), this.number(p.experienceYears)],
      [this.t('field.complexProductExperience'), this.yesNo(p.complexProductExperience)],
      [this.t('field.professionalInvestor'), this.yesNo(p.professionalInvestor)],
      [this.t('field.investableAssets'), this.money(p.investableAssets)],
      [this.t('field.sustainabilityPreference'), this.yesNo(p.sustainabilityPreference)],
      [this.t('field.kycReviewedAt'), p.kycReviewedAt ?? this.t('common.notSet')],
    ];
    return rows;
  }

  productRows(product: Product): [string, string][] {
    const rate =
      product.rateMin === null && product.rateMax === null
        ? this.t('pdf.product.none')
        : this.t('pdf.product.rateValue', {
            kind: this.t(`rateKind.${product.rateKind}`),
            range: [product.rateMin, product.rateMax]
              .filter((v): v is number => v !== null)
              .map((v) => this.t('pdf.percent', { value: this.number(v, 2) }))
              .join(' – '),
          });
    return [
      [this.t('pdf.product.name'), this.productName(product)],
      [this.t('pdf.product.id'), product.id],
      [
        this.t('pdf.product.family'),
        `${this.t(`family.${product.family}`)} · ${renderMessage(categoryName(product.category), this.language)}`,
      ],
      [this.t('product.riskGrade'), product.riskGrade],
      [this.t('pdf.product.rate'), rate],
      [
        this.t('pdf.product.fees'),
        this.t('pdf.product.feesValue', {
          annual: this.number(product.annualFeePct, 2),
          upfront: this.number(product.upfrontFeePct, 2),
        }),
      ],
      [
        this.t('product.term'),
        product.termMonths === null ? this.t('pdf.product.none') : this.t('pdf.months', { months: product.termMonths }),
      ],
      [
        this.t('product.lockup'),
        product.lockupMonths === 0
          ? this.t('pdf.product.none')
          : this.t('pdf.months', { months: product.lockupMonths }),
      ],
      [this.t('product.liquidity'), this.t(`liquidityTerm.${product.liquidity}`)],
      [this.t('product.minimum'), this.money(product.minimumAmount, product.currency)],
      [this.t('product.complex'), this.yesNo(product.complex)],
    ];
  }

  separator(): string {
    return this.language === 'zh-CN' ? '、' : ', ';
  }
}

/** A stored client carries its profile at the top level; one being created nests it. */
export function profileOf(client: SuitabilityClient): ClientProfile {
  return 'profile' in client ? client.profile : client;
}
