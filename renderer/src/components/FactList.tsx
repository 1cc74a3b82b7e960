import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

export interface Fact {
  label: ReactNode;
  value: ReactNode;
  testId?: string;
}

/** Label/value pairs in two aligned columns: reads like a printed client file. */
export function FactList({ facts }: { facts: Fact[] }) {
  return (
    <Box
      component="dl"
      sx={{ display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
    >
      {facts.map((fact, index) => (
        <Box key={index} sx={{ display: 'contents' }}>
          <Box component="dt" sx={{ color: 'text.secondary' }}>
            {fact.label}
          </Box>
          <Box component="dd" sx={{ m: 0, minWidth: 0, overflowWrap: 'anywhere' }} data-testid={fact.testId}>
            {fact.value}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
