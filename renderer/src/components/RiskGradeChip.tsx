import Chip from '@mui/material/Chip';
import type { RiskGrade } from '../../../app/domain';

const COLORS: Record<RiskGrade, 'success' | 'info' | 'primary' | 'warning' | 'error'> = {
  R1: 'success',
  R2: 'info',
  R3: 'primary',
  R4: 'warning',
  R5: 'error',
};

/** A product's risk grade, filled so it reads differently from a client's (outlined) class. */
export function RiskGradeChip({ grade }: { grade: RiskGrade }) {
  return <Chip label={grade} color={COLORS[grade]} sx={{ fontWeight: 500, minWidth: 40 }} />;
}
