import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** A titled group of form fields laid out in as many columns as the dialog has room for. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mb: 2.5 }}>
      <Typography variant="overline" color="primary" component="h3" sx={{ display: 'block', mb: 1, lineHeight: 1.5 }}>
        {title}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
          columnGap: 2,
          rowGap: 1.5,
        }}
      >
        {children}
      </Box>
    </Box>
  );
}
