import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import AccountBalanceOutlined from '@mui/icons-material/AccountBalanceOutlined';
import type { DeskUser } from '../../../app/domain';
import { useI18n } from '../i18n/use-i18n';
import { RoleChips } from './RoleChips';
import { useSignIn } from './use-sign-in';

/**
 * Who is at the desk, chosen before anything else shows: the active users with their roles, the last one to sign in
 * here preselected, so a returning person needs one click.
 */
export function SignInPicker({ users, lastUserId }: { users: readonly DeskUser[]; lastUserId: string | null }) {
  const { t } = useI18n();
  const active = users.filter((u) => u.active);
  const [chosen, setChosen] = useState<string | null>(
    active.some((u) => u.id === lastUserId) ? lastUserId : (active[0]?.id ?? null),
  );
  const { signIn, pending } = useSignIn();
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}>
      <Card sx={{ width: 460, maxWidth: '100%' }} data-testid="sign-in">
        <CardContent sx={{ display: 'grid', gap: 1.5 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <AccountBalanceOutlined color="primary" />
            <Typography variant="h6" component="h1">
              {t('users.signIn.title')}
            </Typography>
          </Box>
          <Typography variant="body2" color="text.secondary">
            {t('users.signIn.hint')}
          </Typography>
          {active.length === 0 ? (
            <Alert severity="warning">{t('users.signIn.none')}</Alert>
          ) : (
            <List dense disablePadding sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
              {active.map((u) => (
                <ListItem key={u.id} disablePadding>
                  <ListItemButton
                    selected={u.id === chosen}
                    onClick={() => setChosen(u.id)}
                    onDoubleClick={() => signIn(u.id)}
                    data-testid="sign-in-user"
                    data-user-id={u.id}
                    aria-pressed={u.id === chosen}
                  >
                    <ListItemText
                      primary={u.displayName}
                      secondary={<RoleChips roles={u.roles} />}
                      slotProps={{ secondary: { component: 'div' } }}
                    />
                    {u.id === lastUserId && <Chip size="small" variant="outlined" label={t('users.signIn.last')} />}
                  </ListItemButton>
                </ListItem>
              ))}
            </List>
          )}
          <Button
            variant="contained"
            disabled={chosen === null || pending}
            onClick={() => chosen && signIn(chosen)}
            data-testid="sign-in-submit"
          >
            {t('users.signIn.button')}
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
}
