import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** Title row of a screen, with its actions on the right. */
export function PageHeader({
  title,
  subtitle,
  actions,
  titleTestId,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  titleTestId?: string;
}) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1.5 }}>
      <Box sx={{ minWidth: 0, flexGrow: 1 }}>
        <Typography variant="h5" component="h1" data-testid={titleTestId} noWrap>
          {title}
        </Typography>
        {subtitle && (
          <Box
            sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 0.5, color: 'text.secondary', flexWrap: 'wrap' }}
          >
            {subtitle}
          </Box>
        )}
      </Box>
      {actions && <Box sx={{ display: 'flex', gap: 1, flexShrink: 0 }}>{actions}</Box>}
    </Box>
  );
}
