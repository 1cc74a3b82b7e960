import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { PitchDraftContent } from '../../../../app/contract';

/** An approved pitch as the client read it: headline, body, key points, risks and the next step. */
export function PitchTextView({ text, fieldLabel }: { text: PitchDraftContent; fieldLabel(field: string): string }) {
  const list = (field: 'keyPoints' | 'risks') =>
    text[field].length > 0 && (
      <Box sx={{ mt: 1 }}>
        <Typography variant="caption" color="text.secondary">
          {fieldLabel(field)}
        </Typography>
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {text[field].map((item, i) => (
            <li key={i}>
              <Typography variant="body2">{item}</Typography>
            </li>
          ))}
        </Box>
      </Box>
    );
  return (
    <Box sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5 }}>
      <Typography sx={{ fontWeight: 600 }}>{text.headline}</Typography>
      <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
        {text.body}
      </Typography>
      {list('keyPoints')}
      {list('risks')}
      <Box sx={{ mt: 1 }}>
        <Typography variant="caption" color="text.secondary">
          {fieldLabel('nextStep')}
        </Typography>
        <Typography variant="body2">{text.nextStep}</Typography>
      </Box>
    </Box>
  );
}
