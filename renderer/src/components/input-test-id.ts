import type { InputHTMLAttributes } from 'react';

/**
 * MUI's slot prop types for checkbox and radio inputs reject data-* keys written as an object literal,
 * though the attribute reaches the <input> fine; this is the one place that widens the type.
 */
export function inputTestId(id: string): InputHTMLAttributes<HTMLInputElement> {
  return { 'data-testid': id } as InputHTMLAttributes<HTMLInputElement>;
}
