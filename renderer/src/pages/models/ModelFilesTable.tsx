import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { LlmStatus, ModelFileInfo } from '../../../../app/contract';
import { useI18n } from '../../i18n/use-i18n';
import { formatBytes, formatParameters } from './llm-labels';

interface Props {
  files: ModelFileInfo[];
  status: LlmStatus | null | undefined;
  inspecting: ReadonlySet<string>;
  busy: boolean;
  onLoad(path: string): void;
  /** Loads the loaded model again with this LoRA adapter applied. */
  onApply(path: string): void;
  onInspect(path: string): void;
}

/** Every GGUF file the app knows: what its header says, whether it fits this computer, and why a broken one cannot load. */
export function ModelFilesTable({ files, status, inspecting, busy, onLoad, onApply, onInspect }: Props) {
  const { t, fmt } = useI18n();
  const loadedPath = status?.state === 'loaded' ? status.path : null;
  const loadingPath = status?.state === 'loading' ? status.path : null;
  const appliedPath = status?.state === 'loaded' ? (status.lora?.path ?? null) : null;
  const loadedArchitecture = status?.state === 'loaded' ? status.architecture : null;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="llm-files">
        <TableHead>
          <TableRow>
            <TableCell sx={{ minWidth: 200 }}>{t('llm.col.file')}</TableCell>
            <TableCell>{t('llm.col.architecture')}</TableCell>
            <TableCell align="right">{t('llm.col.parameters')}</TableCell>
            <TableCell>{t('llm.col.quantization')}</TableCell>
            <TableCell align="right">{t('llm.col.context')}</TableCell>
            <TableCell align="right">{t('llm.col.size')}</TableCell>
            <TableCell>{t('llm.col.chatTemplate')}</TableCell>
            <TableCell sx={{ minWidth: 160 }}>{t('llm.col.fit')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {files.map((file) => {
            const adapter = file.adapterFor;
            const loaded = file.path === loadedPath || (adapter !== null && file.path === appliedPath);
            return (
              <TableRow
                key={file.path}
                data-testid="llm-file-row"
                data-file={file.fileName}
                data-loaded={loaded ? 'true' : 'false'}
                data-adapter={adapter ?? undefined}
                selected={loaded}
              >
                <TableCell sx={{ minWidth: 200, maxWidth: 320 }}>
                  <Tooltip title={file.path}>
                    <Typography variant="body2" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }} data-testid="llm-file-name">
                      {file.fileName}
                    </Typography>
                  </Tooltip>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, flexWrap: 'wrap' }}>
                    <Typography variant="caption" color="text.secondary">
                      {t(`llm.source.${file.source}`)} · {t('llm.col.sha256')}
                    </Typography>
                    {file.sha256 ? (
                      <Tooltip title={file.sha256}>
                        <Typography variant="body2" sx={{ fontFamily: 'monospace', fontSize: '0.75rem' }} data-testid="llm-file-sha256">
                          {file.sha256.slice(0, 12)}…
                        </Typography>
                      </Tooltip>
                    ) : (
                      <Tooltip title={t('llm.inspectHelp')}>
                        <span>
                          <Button
                            size="small"
                            sx={{ py: 0, minWidth: 0 }}
                            onClick={() => onInspect(file.path)}
                            disabled={inspecting.has(file.path)}
                            startIcon={inspecting.has(file.path) ? <CircularProgress size={14} /> : undefined}
                            data-testid="llm-file-inspect"
                          >
                            {t('llm.inspect')}
                          </Button>
                        </span>
                      </Tooltip>
                    )}
                  </Box>
                  {file.problem && (
                    <Typography variant="body2" color="error" data-testid="llm-file-problem" sx={{ mt: 0.5 }}>
                      {t(file.problem)}
                    </Typography>
                  )}
                </TableCell>
                <TableCell data-testid="llm-file-architecture">
                  {adapter !== null ? t('llm.adapterFor', { architecture: adapter }) : (file.architecture ?? '—')}
                </TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="llm-file-parameters">
                  {formatParameters(file.parameterCount)}
                </TableCell>
                <TableCell data-testid="llm-file-quantization">{file.quantization ?? '—'}</TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="llm-file-context">
                  {file.contextLength === null ? '—' : fmt.number(file.contextLength)}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {formatBytes(file.sizeBytes)}
                </TableCell>
                <TableCell data-testid="llm-file-chat-template">{file.architecture === null || adapter !== null ? '—' : file.hasChatTemplate ? t('common.yes') : t('common.no')}</TableCell>
                <TableCell>
                  {file.fit ? (
                    <Box>
                      <Typography variant="body2" data-testid="llm-file-fit">
                        {t(file.fit.summary)}
                      </Typography>
                      {!file.fit.fits && <Chip size="small" color="warning" label={t('llm.mayNotFit')} sx={{ mt: 0.5 }} />}
                    </Box>
                  ) : (
                    '—'
                  )}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {adapter !== null ? (
                    loaded ? (
                      <Chip size="small" color="success" label={t('llm.adapterApplied')} data-testid="llm-file-applied" />
                    ) : (
                      <Tooltip
                        title={
                          loadedArchitecture === adapter
                            ? t('llm.applyAdapterHelp')
                            : t('llm.applyAdapterNeedsModel', { architecture: adapter })
                        }
                      >
                        <span>
                          <Button
                            size="small"
                            variant="outlined"
                            disabled={busy || loadedArchitecture !== adapter || loadingPath !== null}
                            onClick={() => onApply(file.path)}
                            data-testid="llm-file-apply"
                          >
                            {t('llm.applyAdapter')}
                          </Button>
                        </span>
                      </Tooltip>
                    )
                  ) : loaded ? (
                    <Chip size="small" color="success" label={t('llm.fileLoaded')} data-testid="llm-file-loaded" />
                  ) : (
                    <Button
                      size="small"
                      variant="outlined"
                      disabled={busy || file.problem !== null || loadingPath !== null}
                      onClick={() => onLoad(file.path)}
                      data-testid="llm-file-load"
                    >
                      {file.path === loadingPath ? t('llm.loading') : t('llm.load')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
