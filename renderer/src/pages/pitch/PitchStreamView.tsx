import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import type { PitchStream } from './use-pitch-stream';

/** Monospace shows the JSON's shape; Chinese falls through to the bundled Noto Sans SC, which no system monospace font here has. */
const STREAM_FONT = "ui-monospace, 'DejaVu Sans Mono', 'Noto Sans SC', monospace";

/** The raw text of a running draft as it arrives, kept scrolled to its end; and why it ended when nothing was kept. */
export function PitchStreamView({ stream }: { stream: PitchStream }) {
  const { t } = useI18n();
  const box = useRef<HTMLPreElement | null>(null);
  useEffect(() => {
    if (box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [stream.text]);
  const running = stream.phase === 'starting' || stream.phase === 'streaming';
  return (
    <Card data-testid="pitch-stream-card" data-phase={stream.phase} data-source={stream.source ?? ''}>
      <CardContent sx={{ display: 'grid', gap: 1, '&:last-child': { pb: 2 } }}>
        {running && (
          <Box>
            <Typography variant="body2" sx={{ mb: 0.5 }}>
              {stream.source === 'template' ? t('pitch.generatingTemplate') : t('pitch.generating')}
            </Typography>
            <LinearProgress />
          </Box>
        )}
        {stream.phase === 'finished' && stream.outcome === 'stopped' && (
          <Alert severity="info" data-testid="pitch-stopped">
            {t('pitch.stopped')}
          </Alert>
        )}
        {stream.phase === 'finished' && stream.outcome === 'failed' && (
          <Alert severity="error" data-testid="pitch-failed">
            {stream.error ? t(stream.error) : t('pitch.failed')}
          </Alert>
        )}
        {stream.text && (
          <>
            <Typography variant="caption" color="text.secondary">
              {t('pitch.streamLabel')}
            </Typography>
            <Box
              component="pre"
              ref={box}
              data-testid="pitch-stream"
              sx={{
                m: 0,
                p: 1,
                maxHeight: 320,
                overflow: 'auto',
                bgcolor: 'action.hover',
                borderRadius: 1,
                fontFamily: STREAM_FONT,
                fontSize: '0.8rem',
                whiteSpace: 'pre-wrap',
                wordBreak: 'break-word',
              }}
            >
              {stream.text}
            </Box>
          </>
        )}
      </CardContent>
    </Card>
  );
}
