import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { REVIEW_POLICIES, type ReviewPolicy } from '../../../../app/domain';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { useChannelQuery } from '../../api/use-channel-query';
import { useI18n } from '../../i18n/use-i18n';

/** The institution's four-eyes policy: which drafts a reviewer must approve. Administrators set it. */
export function ReviewPolicyField({ editable }: { editable: boolean }) {
  const { t } = useI18n();
  const policy = useChannelQuery('review:policy', {});
  const set = useChannelMutation('review:set-policy', { success: () => t('review.policy.saved') });
  const value = set.isPending ? set.variables.reviewRequiredFor : policy.data?.reviewRequiredFor;
  return (
    <FormControl disabled={!editable || set.isPending || !policy.data}>
      <FormLabel id="review-policy-label">{t('review.policy.title')}</FormLabel>
      <RadioGroup
        row
        aria-labelledby="review-policy-label"
        value={value ?? ''}
        onChange={(e) => set.mutate({ reviewRequiredFor: e.target.value as ReviewPolicy })}
        data-testid="review-policy"
      >
        {REVIEW_POLICIES.map((p) => (
          <FormControlLabel key={p} value={p} control={<Radio size="small" />} label={t(`review.policy.${p}`)} />
        ))}
      </RadioGroup>
      <Typography variant="caption" color="text.secondary">
        {t('review.policy.hint')}
      </Typography>
    </FormControl>
  );
}
