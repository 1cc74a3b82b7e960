import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PersonAddOutlined from '@mui/icons-material/PersonAddOutlined';
import { USER_ROLES, type DeskUser, type UserRole } from '../../../../app/domain';
import { useChannelMutation } from '../../api/use-channel-mutation';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/use-i18n';
import { useCurrentUser } from '../../users/current-user-context';
import { RoleChips } from '../../users/RoleChips';
import { ReviewPolicyField } from './ReviewPolicyField';
import { ExplorationRateField } from './ExplorationRateField';

/** Role checkboxes; at least one stays ticked. */
function RolesField({
  roles,
  disabled,
  onChange,
  testId,
}: {
  roles: readonly UserRole[];
  disabled?: boolean;
  onChange(roles: UserRole[]): void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <FormGroup row data-testid={testId}>
      {USER_ROLES.map((r) => (
        <FormControlLabel
          key={r}
          control={
            <Checkbox
              size="small"
              checked={roles.includes(r)}
              disabled={disabled || (roles.length === 1 && roles[0] === r)}
              onChange={(e) => onChange(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
              slotProps={{ input: { 'data-role': r } as object }}
            />
          }
          label={t(`users.role.${r}`)}
        />
      ))}
    </FormGroup>
  );
}

/** One user: roles editable in place and saved on each change, and deactivation, for administrators. */
function UserRow({ user, editable, you }: { user: DeskUser; editable: boolean; you: boolean }) {
  const { t, fmt } = useI18n();
  const update = useChannelMutation('users:update', { success: (u) => t('users.saved', { name: u.displayName }) });
  return (
    <TableRow data-testid="user-row" data-user-id={user.id} sx={{ opacity: user.active ? 1 : 0.6 }}>
      <TableCell>
        {user.displayName}
        {you && <Chip size="small" label={t('users.you')} sx={{ ml: 1, height: 20 }} />}
        <Typography variant="caption" component="div" color="text.secondary">
          {user.id} · {fmt.date(user.createdAt.slice(0, 10))}
        </Typography>
      </TableCell>
      <TableCell>
        {editable ? (
          <RolesField
            roles={user.roles}
            disabled={update.isPending}
            onChange={(roles) => update.mutate({ id: user.id, roles })}
            testId="user-roles"
          />
        ) : (
          <RoleChips roles={user.roles} />
        )}
      </TableCell>
      <TableCell>{user.active ? t('users.active') : t('users.inactive')}</TableCell>
      <TableCell align="right">
        {editable && (
          <Button
            size="small"
            color={user.active ? 'error' : 'primary'}
            disabled={update.isPending}
            onClick={() => update.mutate({ id: user.id, active: !user.active })}
            data-testid="user-toggle-active"
          >
            {user.active ? t('users.deactivate') : t('users.reactivate')}
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}

/**
 * The people at this desk and the review policy. Everyone sees them; only administrators change them, and the
 * backend refuses anyone else whatever this page shows.
 */
export function UsersSection() {
  const { t } = useI18n();
  const { user: me, users, has } = useCurrentUser();
  const admin = has('administrator');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<UserRole[]>(['advisor']);
  const create = useChannelMutation('users:create', { success: (u) => t('users.added', { name: u.displayName }) });
  return (
    <SectionCard title={t('users.section.title')} testId="settings-users">
      <Box sx={{ display: 'grid', gap: 1.5 }}>
        <Typography variant="body2" color="text.secondary">
          {admin ? t('users.section.hint') : t('users.section.readOnly')}
        </Typography>
        <ReviewPolicyField editable={admin} />
        <ExplorationRateField editable={admin} />
        <Table size="small" aria-label={t('users.section.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('users.name')}</TableCell>
              <TableCell>{t('users.roles')}</TableCell>
              <TableCell>{t('users.status')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {users.map((u) => (
              <UserRow key={u.id} user={u} editable={admin} you={u.id === me.id} />
            ))}
          </TableBody>
        </Table>
        {admin && (
          <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
            <TextField
              size="small"
              label={t('users.name')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 120, 'data-testid': 'user-new-name' } }}
            />
            <RolesField roles={roles} onChange={setRoles} testId="user-new-roles" />
            <Button
              variant="outlined"
              startIcon={<PersonAddOutlined />}
              disabled={name.trim() === '' || create.isPending}
              onClick={() => create.mutate({ displayName: name.trim(), roles }, { onSuccess: () => setName('') })}
              data-testid="user-add"
            >
              {t('users.add')}
            </Button>
          </Box>
        )}
      </Box>
    </SectionCard>
  );
}
