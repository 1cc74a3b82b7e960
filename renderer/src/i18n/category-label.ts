import { categoryName, type Language } from '../../../app/domain';
import { renderMessage } from '../../../app/messages';

/** A product category's name in the UI language; unknown codes read as words. */
export function categoryLabel(category: string, language: Language): string {
  return renderMessage(categoryName(category), language);
}
