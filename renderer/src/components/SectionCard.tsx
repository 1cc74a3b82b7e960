import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** A titled card; `flush` drops the padding for a table that fills the card edge to edge. */
export function SectionCard({
  title,
  action,
  children,
  flush,
  testId,
}: {
  title: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  flush?: boolean;
  testId?: string;
}) {
  return (
    <Card data-testid={testId} sx={{ display: 'flex', flexDirection: 'column' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, pt: 1.25, pb: flush ? 1 : 0 }}>
        <Typography
          variant="subtitle2"
          component="h2"
          color="text.secondary"
          sx={{ flexGrow: 1, textTransform: 'uppercase', letterSpacing: 0.4, fontSize: '0.75rem' }}
        >
          {title}
        </Typography>
        {action}
      </Box>
      {flush ? children : <CardContent sx={{ pt: 1, '&:last-child': { pb: 1.5 } }}>{children}</CardContent>}
    </Card>
  );
}
