import { createContext, useContext } from 'react';
import type { DeviationView } from '../../../../app/contract';

/**
 * The client's active deviations by product id, provided by the client page so a ranked row can show who
 * acknowledged the warning and when without every card in between passing it along.
 */
export const ActiveDeviations = createContext<ReadonlyMap<string, DeviationView>>(new Map());

export function useActiveDeviation(productId: string): DeviationView | undefined {
  return useContext(ActiveDeviations).get(productId);
}
