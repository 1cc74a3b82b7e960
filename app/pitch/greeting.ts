import type { ClientProfile } from '../domain/client';
import type { LocalizedText } from '../domain/localized-text';

/** How a person is addressed; read from the client's `title` attribute (an import's `client.title` column). */
export type ClientTitle = 'mr' | 'ms' | 'mrs' | 'miss' | 'dr' | 'prof';

/** The spellings an advisor or an import may use for each title, in either language, compared without case or dot. */
const TITLE_SPELLINGS: Record<string, ClientTitle> = {
  mr: 'mr',
  mister: 'mr',
  先生: 'mr',
  ms: 'ms',
  女士: 'ms',
  mrs: 'mrs',
  太太: 'mrs',
  夫人: 'mrs',
  miss: 'miss',
  小姐: 'miss',
  dr: 'dr',
  doctor: 'dr',
  博士: 'dr',
  医生: 'dr',
  prof: 'prof',
  professor: 'prof',
  教授: 'prof',
};

const EN_TITLE: Record<ClientTitle, string> = {
  mr: 'Mr',
  ms: 'Ms',
  mrs: 'Mrs',
  miss: 'Miss',
  dr: 'Dr',
  prof: 'Professor',
};
/** Chinese puts the title after the surname: 陈女士, 王教授. */
const ZH_TITLE: Record<ClientTitle, string> = {
  mr: '先生',
  ms: '女士',
  mrs: '女士',
  miss: '女士',
  dr: '博士',
  prof: '教授',
};

/** Two-character surnames: 欧阳娜 is Ms 欧阳, not Ms 欧. */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '慕容',
  '令狐',
  '尉迟',
  '长孙',
  '夏侯',
  '司徒',
]);
const HAN = /^\p{Script=Han}+$/u;

export function clientTitle(profile: Pick<ClientProfile, 'customAttributes'>): ClientTitle | null {
  const raw = profile.customAttributes['title'];
  if (typeof raw !== 'string') return null;
  return TITLE_SPELLINGS[raw.trim().replace(/\.$/, '').toLowerCase()] ?? null;
}

/** The family name: a Chinese name's first character (or compound surname), a Western name's last word. */
export function surnameOf(displayName: string): string {
  const name = displayName.trim();
  if (HAN.test(name)) return COMPOUND_SURNAMES.has(name.slice(0, 2)) && name.length > 2 ? name.slice(0, 2) : name[0]!;
  const words = name.split(/\s+/);
  return words[words.length - 1]!;
}

/**
 * How the template greets the client, without its closing punctuation: a business by its name, a person by title
 * and surname where the title is known ("Dear Ms Chen" / "尊敬的陈女士"), else by full name. Never "Dear client".
 */
export function greetingFor(profile: Pick<ClientProfile, 'kind' | 'displayName' | 'customAttributes'>): LocalizedText {
  const name = profile.displayName.trim();
  const title = profile.kind === 'individual' ? clientTitle(profile) : null;
  if (!title) return { en: `Dear ${name}`, zh: `尊敬的${name}` };
  const surname = surnameOf(name);
  // A Latin-script surname keeps a space before its Chinese title, as it is written: 尊敬的 Chen 女士.
  const zh = HAN.test(surname) ? `尊敬的${surname}${ZH_TITLE[title]}` : `尊敬的 ${surname} ${ZH_TITLE[title]}`;
  return { en: `Dear ${EN_TITLE[title]} ${surname}`, zh };
}
