import { describe, expect, it } from 'vitest';
import { BrowserSessions, type Admission } from '../../../../main/web/browser-sessions';

const HOUR = 60 * 60 * 1000;

function sessionOf(admission: Admission): string {
  if (!admission.ok || !admission.session) throw new Error(`expected a new session, got ${JSON.stringify(admission)}`);
  return admission.session;
}

function refusal(admission: Admission): string | null {
  return admission.ok ? null : admission.reason;
}

describe('browser-mode sessions', () => {
  it('a launch token opens one session, and is refused as spent from then on', () => {
    const sessions = new BrowserSessions();
    const token = sessions.issueLaunchToken();
    const first = sessions.admitLaunchToken(token);
    expect(first.ok).toBe(true);
    expect(refusal(sessions.admitLaunchToken(token))).toBe('launch-token-spent');
    expect(refusal(sessions.admitLaunchToken('not-a-token-of-this-launch'))).toBe('launch-token-unknown');
  });

  it('a new address replaces an unused earlier one, which is then refused as spent', () => {
    const sessions = new BrowserSessions();
    const older = sessions.issueLaunchToken();
    const newer = sessions.issueLaunchToken();
    expect(newer).not.toBe(older);
    expect(refusal(sessions.admitLaunchToken(older))).toBe('launch-token-spent');
    expect(sessions.admitLaunchToken(newer).ok).toBe(true);
  });

  it('the session lets the page back in; a wrong secret, another id or garbage does not', () => {
    const sessions = new BrowserSessions();
    const session = sessionOf(sessions.admitLaunchToken(sessions.issueLaunchToken()));
    const [id, secret] = session.split('.') as [string, string];
    expect(sessions.admitSession(session).ok).toBe(true);
    expect(refusal(sessions.admitSession(`${id}.${secret.slice(1)}x`))).toBe('session-unknown');
    expect(refusal(sessions.admitSession(`x${id.slice(1)}.${secret}`))).toBe('session-unknown');
    expect(refusal(sessions.admitSession(secret))).toBe('session-unknown');
    expect(refusal(sessions.admitSession('.'))).toBe('session-unknown');
  });

  it('ends a session left with no page open for the idle limit, but never one with a page open', () => {
    let now = 1_000_000;
    const sessions = new BrowserSessions({ idleMs: 12 * HOUR, now: () => now });
    const first = sessions.admitLaunchToken(sessions.issueLaunchToken());
    const session = sessionOf(first);

    // A page open all night keeps the session.
    now += 30 * HOUR;
    const second = sessions.admitSession(session);
    expect(second.ok).toBe(true);
    if (first.ok) first.lease.release();
    if (second.ok) second.lease.release();
    // Closed just under the limit: a reload still works, and starts the idle time again once released.
    now += 12 * HOUR - 1;
    const again = sessions.admitSession(session);
    expect(again.ok).toBe(true);
    if (again.ok) {
      again.lease.release();
      again.lease.release();
    }
    now += 12 * HOUR;
    expect(refusal(sessions.admitSession(session))).toBe('session-expired');
    // Once over, it stays over even if asked again at once.
    expect(refusal(sessions.admitSession(session))).toBe('session-expired');
  });
});
