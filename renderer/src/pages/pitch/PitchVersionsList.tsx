import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import type { PitchDraftView } from '../../../../app/contract';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { useCurrentUser } from '../../users/current-user-context';

/** Every saved version of the draft, newest first; choosing one shows it in the editor. */
export function PitchVersionsList({
  draft,
  selected,
  onSelect,
}: {
  draft: PitchDraftView;
  selected: number;
  onSelect(version: number): void;
}) {
  const { t, fmt } = useI18n();
  const { nameOf } = useCurrentUser();
  const versions = [...draft.versions].reverse();
  return (
    <SectionCard title={t('pitch.versions.title')} flush testId="pitch-versions">
      {/* A column of buttons, not a <ul>: a list may hold only list items (axe "list"). */}
      <List dense disablePadding component="div">
        {versions.map((v) => (
          <ListItemButton
            key={v.version}
            selected={v.version === selected}
            onClick={() => onSelect(v.version)}
            data-testid="pitch-version"
            data-version={v.version}
            data-source={v.provenance.source}
            aria-current={v.version === selected ? 'true' : undefined}
          >
            <ListItemText
              primary={t('pitch.version', { version: v.version })}
              secondary={t('pitch.versionMeta', {
                source: t(`pitch.source.${v.provenance.source}`),
                author: nameOf(v.author),
                time: fmt.compactDateTime(v.createdAt),
              })}
            />
            {v.approval !== null && (
              <Chip
                size="small"
                color="success"
                label={t('pitch.approvedShort')}
                sx={{ height: 20, fontSize: '0.7rem' }}
                data-testid="pitch-version-approved"
              />
            )}
            {v.approval === null && !v.approvable && (
              <Chip
                size="small"
                color="error"
                variant="outlined"
                label={t('pitch.severity.blocking')}
                sx={{ height: 20, fontSize: '0.7rem' }}
              />
            )}
          </ListItemButton>
        ))}
      </List>
    </SectionCard>
  );
}
