import Box from '@mui/material/Box';
import type { Mark } from './issue-spans';

/**
 * The field's text with the lint's problems marked: red for blocking, amber for warnings. Shown under the input,
 * since a text field cannot colour part of its own text.
 */
export function HighlightedText({ text, marks }: { text: string; marks: readonly Mark[] }) {
  const parts: { text: string; mark: Mark | null }[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start > at) parts.push({ text: text.slice(at, mark.start), mark: null });
    parts.push({ text: text.slice(mark.start, mark.end), mark });
    at = mark.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: null });
  return (
    <Box
      data-testid="pitch-highlights"
      sx={{
        mt: 0.5,
        px: 1,
        py: 0.5,
        borderRadius: 1,
        bgcolor: 'action.hover',
        typography: 'body2',
        whiteSpace: 'pre-wrap',
        color: 'text.secondary',
      }}
    >
      {parts.map((part, i) =>
        part.mark ? (
          <Box
            key={i}
            component="mark"
            data-testid="pitch-highlight"
            data-severity={part.mark.severity}
            sx={{
              color: 'text.primary',
              bgcolor: part.mark.severity === 'blocking' ? 'rgba(211, 47, 47, 0.22)' : 'rgba(237, 108, 2, 0.22)',
              borderBottom: 2,
              borderColor: part.mark.severity === 'blocking' ? 'error.main' : 'warning.main',
              borderRadius: 0.5,
              px: 0.25,
            }}
          >
            {part.text}
          </Box>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </Box>
  );
}
