import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import type { UserRole } from '../../../app/domain';
import { useI18n } from '../i18n/use-i18n';

/** A user's roles as small chips, in the catalog's words. */
export function RoleChips({ roles }: { roles: readonly UserRole[] }) {
  const { t } = useI18n();
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, flexWrap: 'wrap', mt: 0.25 }}>
      {roles.map((r) => (
        <Chip key={r} size="small" label={t(`users.role.${r}`)} sx={{ height: 20, fontSize: '0.7rem' }} />
      ))}
    </Box>
  );
}
