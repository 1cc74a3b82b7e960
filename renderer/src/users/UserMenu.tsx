import { useState } from 'react';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import AccountCircleOutlined from '@mui/icons-material/AccountCircleOutlined';
import { useI18n } from '../i18n/use-i18n';
import { useCurrentUser } from './current-user-context';
import { RoleChips } from './RoleChips';
import { useSignIn } from './use-sign-in';

/** The signed-in user in the app bar; switching to someone else is a sign-in the audit trail records as a switch. */
export function UserMenu() {
  const { t } = useI18n();
  const { user, users } = useCurrentUser();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { signIn, pending } = useSignIn({ announce: true });
  const others = users.filter((u) => u.active && u.id !== user.id);
  return (
    <>
      <Button
        color="inherit"
        startIcon={<AccountCircleOutlined fontSize="small" />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-label={t('users.menu.open', { name: user.displayName })}
        data-testid="user-menu"
        data-user-id={user.id}
      >
        {user.displayName}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem disabled sx={{ opacity: '1 !important' }}>
          <ListItemText primary={user.displayName} secondary={<RoleChips roles={user.roles} />} />
        </MenuItem>
        <Divider />
        <ListSubheader sx={{ lineHeight: 2 }}>{t('users.menu.switch')}</ListSubheader>
        {others.map((u) => (
          <MenuItem
            key={u.id}
            disabled={pending}
            onClick={() => {
              setAnchor(null);
              signIn(u.id);
            }}
            data-testid="user-menu-switch"
            data-user-id={u.id}
          >
            <ListItemText primary={u.displayName} secondary={<RoleChips roles={u.roles} />} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
