import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import Link from '@mui/material/Link';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import GppMaybeOutlined from '@mui/icons-material/GppMaybeOutlined';
import ExpandLessOutlined from '@mui/icons-material/ExpandLessOutlined';
import ExpandMoreOutlined from '@mui/icons-material/ExpandMoreOutlined';
import type { ExcludedProduct } from '../../../../app/contract';
import type { ClientKind } from '../../../../app/domain';
import { isMessageKey, type MessageKey } from '../../../../app/messages';
import { RiskGradeChip } from '../../components/RiskGradeChip';
import { SectionCard } from '../../components/SectionCard';
import { categoryLabel } from '../../i18n/category-label';
import { familyLabel } from '../../i18n/family-label';
import { useI18n } from '../../i18n/use-i18n';
import { hrefFor } from '../../routing/routes';
import { useActiveDeviation } from './active-deviations';
import { DeviationChip } from './DeviationChip';
import { groupExcluded, type ExcludedGroup } from './excluded-groups';

/** Excluded by the risk-class rule alone, and a recorded client-requested deviation could lift it (never for C1). */
function deviationPossible(product: ExcludedProduct): boolean {
  return (
    product.failed.length === 1 &&
    product.failed[0]!.ruleId === 'risk-class' &&
    product.failed[0]!.deviationPossible === true
  );
}

function ExcludedRow({
  product,
  onAskDeviation,
}: {
  product: ExcludedProduct;
  onAskDeviation: ((product: ExcludedProduct) => void) | undefined;
}) {
  const { t, pickPair, language } = useI18n();
  // A recorded deviation that no longer makes the product suitable (another rule now fails): still withdrawable here.
  const recorded = useActiveDeviation(product.productId);
  return (
    <Box
      component="li"
      sx={{
        display: 'grid',
        gridTemplateColumns: '48px minmax(200px, 1fr) 2fr',
        columnGap: 1.5,
        alignItems: 'start',
        py: 1,
        borderTop: 1,
        borderColor: 'divider',
      }}
      data-testid="excluded-row"
      data-product-id={product.productId}
    >
      <Box sx={{ pt: 0.25 }}>
        <RiskGradeChip grade={product.riskGrade} />
      </Box>
      <Box sx={{ minWidth: 0 }}>
        <Link
          href={hrefFor({ name: 'product', id: product.productId })}
          underline="hover"
          color="text.primary"
          variant="body2"
        >
          {pickPair(product.nameEn, product.nameZh)}
        </Link>
        <Typography variant="caption" color="text.secondary" component="div">
          {familyLabel(t, product.family)} · {categoryLabel(product.category, language)}
        </Typography>
        {recorded && (
          <DeviationChip productId={product.productId} productName={pickPair(product.nameEn, product.nameZh)} />
        )}
      </Box>
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
        {product.failed.map((rule) => (
          <Box
            component="li"
            key={rule.ruleId}
            sx={{ display: 'flex', gap: 0.75, alignItems: 'flex-start' }}
            data-testid="excluded-reason"
            data-rule-id={rule.ruleId}
          >
            <BlockOutlined sx={{ fontSize: 16, mt: '2px', color: 'error.main' }} aria-hidden />
            <Typography variant="body2">{t(rule.reason)}</Typography>
          </Box>
        ))}
        {onAskDeviation && deviationPossible(product) && (
          <Box component="li" sx={{ pt: 0.5 }}>
            <Tooltip title={t('deviation.askHelp')}>
              <Button
                size="small"
                color="warning"
                startIcon={<GppMaybeOutlined />}
                onClick={() => onAskDeviation(product)}
                data-testid="deviation-ask"
              >
                {t('deviation.ask')}
              </Button>
            </Tooltip>
          </Box>
        )}
      </Box>
    </Box>
  );
}

/** The line an advisor reads for a group; a business product for an individual is named as such. */
function groupTitleKey(ruleId: string, clientKind: ClientKind): MessageKey {
  if (ruleId === 'client-kind') return `clientPage.excluded.group.client-kind.${clientKind}`;
  const key = `clientPage.excluded.group.${ruleId}`;
  return isMessageKey(key) ? key : 'clientPage.excluded.group.other';
}

function ExcludedGroupLine({
  group,
  clientKind,
  open,
  onToggle,
  onAskDeviation,
}: {
  group: ExcludedGroup;
  clientKind: ClientKind;
  open: boolean;
  onToggle(): void;
  onAskDeviation: ((product: ExcludedProduct) => void) | undefined;
}) {
  const { t } = useI18n();
  const listId = `excluded-group-${group.ruleId}`;
  return (
    <Box
      component="li"
      data-testid="excluded-group"
      data-rule-id={group.ruleId}
      data-count={group.products.length}
      data-open={open ? 'true' : 'false'}
      sx={{ borderTop: 1, borderColor: 'divider' }}
    >
      <Button
        fullWidth
        color="inherit"
        onClick={onToggle}
        aria-expanded={open}
        aria-controls={listId}
        startIcon={open ? <ExpandLessOutlined /> : <ExpandMoreOutlined />}
        data-testid="excluded-group-toggle"
        sx={{ justifyContent: 'flex-start', textAlign: 'left', textTransform: 'none', py: 0.75, fontWeight: 400 }}
      >
        <Box component="span" sx={{ flexGrow: 1 }} data-testid="excluded-group-title">
          {t(groupTitleKey(group.ruleId, clientKind))}
        </Box>
        <Box component="span" sx={{ color: 'text.secondary', ml: 1, whiteSpace: 'nowrap' }}>
          {t('clientPage.excluded.groupCount', { count: group.products.length })}
        </Box>
      </Button>
      <Collapse in={open} unmountOnExit>
        <Box component="ul" id={listId} sx={{ m: 0, px: 0, pb: 1, listStyle: 'none' }}>
          {group.products.map((product) => (
            <ExcludedRow key={product.productId} product={product} onAskDeviation={onAskDeviation} />
          ))}
        </Box>
      </Collapse>
    </Box>
  );
}

/**
 * Products the suitability rules exclude for this client, kept apart from the ranking and without any
 * reaction buttons: they are never pitched. Grouped by the first rule they fail, with counts; only groups that say
 * something about this client are open, so "for business clients only" is one line rather than twenty.
 */
export function ExcludedProductsCard({
  excluded,
  clientKind,
  onAskDeviation,
}: {
  excluded: ExcludedProduct[];
  clientKind: ClientKind;
  onAskDeviation?(product: ExcludedProduct): void;
}) {
  const { t } = useI18n();
  const groups = useMemo(() => groupExcluded(excluded), [excluded]);
  // Only what the advisor opened or closed is kept; a group that appears later takes its default.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const isOpen = (group: ExcludedGroup) => toggled.get(group.ruleId) ?? group.openAtFirst;
  const allOpen = groups.length > 0 && groups.every(isOpen);
  const setAll = (open: boolean) => setToggled(new Map(groups.map((g) => [g.ruleId, open])));
  return (
    <SectionCard
      title={
        <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}>
          <BlockOutlined sx={{ fontSize: 16 }} aria-hidden />
          <span data-testid="excluded-count" data-count={excluded.length}>
            {t('excluded.title', { count: excluded.length })}
          </span>
        </Box>
      }
      testId="card-excluded"
      flush
      action={
        groups.length > 1 && (
          <Button
            size="small"
            onClick={() => setAll(!allOpen)}
            aria-expanded={allOpen}
            aria-controls="excluded-products"
            data-testid="excluded-toggle"
          >
            {allOpen ? t('clientPage.excluded.collapseAll') : t('clientPage.excluded.expandAll')}
          </Button>
        )
      }
    >
      {excluded.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1.5 }}>
          {t('excluded.none')}
        </Typography>
      ) : (
        <Box id="excluded-products" sx={{ px: 2, pb: 1 }}>
          <Typography variant="body2" color="text.secondary" sx={{ pb: 1 }}>
            {t('excluded.help')}
          </Typography>
          <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
            {groups.map((group) => (
              <ExcludedGroupLine
                key={group.ruleId}
                group={group}
                clientKind={clientKind}
                open={isOpen(group)}
                onToggle={() => setToggled((m) => new Map(m).set(group.ruleId, !isOpen(group)))}
                onAskDeviation={onAskDeviation}
              />
            ))}
          </Box>
        </Box>
      )}
    </SectionCard>
  );
}
