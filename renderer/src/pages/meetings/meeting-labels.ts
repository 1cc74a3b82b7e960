import type { Meeting } from '../../../../app/domain';
import type { Translate } from '../../i18n/translate';

/** "Video call", or "Branch office · Room 3" when the advisor added a note; "other" shows the note alone. */
function withNote(label: string, note: string, isOther: boolean): string {
  if (!note) return label;
  return isOther ? note : `${label} · ${note}`;
}

export const placeLabel = (t: Translate, m: Pick<Meeting, 'location' | 'locationNote'>): string =>
  withNote(t(`agenda.place.${m.location}`), m.locationNote, m.location === 'other');

export const purposeLabel = (t: Translate, m: Pick<Meeting, 'purpose' | 'purposeNote'>): string =>
  withNote(t(`agenda.purpose.${m.purpose}`), m.purposeNote, m.purpose === 'other');
