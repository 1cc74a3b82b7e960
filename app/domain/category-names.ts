import { isMessageKey, message, type Message } from '../messages';

/**
 * Product categories are open-ended data, not an enum: the ones the catalogue ships with have a name in the message
 * catalog (`category.<code>`), and any other code reads as words ("green_bond" → "green bond"). Shared by the UI,
 * the suitability reasons and the ranking explanations so a category is called the same thing everywhere.
 */
export function categoryName(category: string): Message {
  const key = `category.${category}`;
  if (category !== 'other' && isMessageKey(key)) return message(key);
  return message('category.other', { words: category.replace(/_/g, ' ') });
}
