import crypto from 'node:crypto';
import type { SocketRefusal } from '../../app/contract';

/** How long a session may sit with no page open before it is refused: a working day and a half. */
export const DEFAULT_SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

export interface BrowserSessionsOptions {
  /** A session with no open socket for this long is over. */
  idleMs?: number;
  /** Milliseconds since the epoch; tests pass their own clock. */
  now?: () => number;
}

/** A socket's hold on its session: while any is held the session cannot go idle. */
export interface SessionLease {
  /** Call once when the socket closes; later calls do nothing. */
  release(): void;
}

export type Admission =
  | { ok: true; lease: SessionLease; /** Set when a launch token was exchanged: the page keeps it. */ session?: string }
  | { ok: false; reason: SocketRefusal };

interface Session {
  secretDigest: Buffer;
  openSockets: number;
  lastActive: number;
  ended: boolean;
}

function digest(secret: string): Buffer {
  return crypto.createHash('sha256').update(secret).digest();
}

/** Equal-length digests compared without an early exit, so the time taken says nothing about the secret. */
function sameDigest(a: Buffer, b: Buffer): boolean {
  return crypto.timingSafeEqual(a, b);
}

function randomSecret(bytes: number): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/**
 * Who may use browser mode's socket. A launch token opens the app once and is exchanged for a session,
 * which the page keeps in its origin's storage; the session lasts while a page holds a socket and for
 * `idleMs` after the last one closes. Only the newest launch token is open at a time.
 */
export class BrowserSessions {
  private readonly idleMs: number;
  private readonly now: () => number;
  private pendingLaunch: Buffer | null = null;
  private readonly spentLaunches: Buffer[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly decoy = digest(randomSecret(32));

  constructor(options: BrowserSessionsOptions = {}) {
    this.idleMs = options.idleMs ?? DEFAULT_SESSION_IDLE_MS;
    this.now = options.now ?? Date.now;
  }

  /** A fresh one-time launch token; the one it replaces, if still unused, can no longer be used. */
  issueLaunchToken(): string {
    if (this.pendingLaunch) this.spentLaunches.push(this.pendingLaunch);
    const token = randomSecret(24);
    this.pendingLaunch = digest(token);
    return token;
  }

  /** Exchanges the open launch token for a new session held by the calling socket. */
  admitLaunchToken(token: string): Admission {
    const offered = digest(token);
    if (this.pendingLaunch && sameDigest(offered, this.pendingLaunch)) {
      this.spentLaunches.push(this.pendingLaunch);
      this.pendingLaunch = null;
      const id = randomSecret(12);
      const secret = randomSecret(32);
      const session: Session = { secretDigest: digest(secret), openSockets: 0, lastActive: this.now(), ended: false };
      this.sessions.set(id, session);
      return { ok: true, lease: this.hold(session), session: `${id}.${secret}` };
    }
    // Every spent token is compared, matched or not, so the answer's timing does not say which one it was.
    let spent = false;
    for (const old of this.spentLaunches) spent = sameDigest(offered, old) || spent;
    return { ok: false, reason: spent ? 'launch-token-spent' : 'launch-token-unknown' };
  }

  /** Lets a page back in with the session an earlier exchange gave it, unless it has been idle too long. */
  admitSession(credential: string): Admission {
    const dot = credential.indexOf('.');
    const session = dot > 0 ? this.sessions.get(credential.slice(0, dot)) : undefined;
    // A missing session is compared against a decoy, so an unknown id takes as long as a wrong secret.
    const matches = sameDigest(digest(credential.slice(dot + 1)), session?.secretDigest ?? this.decoy);
    if (!session || !matches) return { ok: false, reason: 'session-unknown' };
    if (session.ended || (session.openSockets === 0 && this.now() - session.lastActive >= this.idleMs)) {
      session.ended = true;
      return { ok: false, reason: 'session-expired' };
    }
    return { ok: true, lease: this.hold(session) };
  }

  private hold(session: Session): SessionLease {
    session.openSockets += 1;
    session.lastActive = this.now();
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        session.openSockets -= 1;
        session.lastActive = this.now();
      },
    };
  }
}
