import { categoryName, type Language } from '../../../app/domain';

/** A product category's name in the UI language; unknown codes read as words. */
export function categoryLabel(category: string, language: Language): string {
  const name = categoryName(category);
  return language === 'zh-CN' ? name.zh : name.en;
}
