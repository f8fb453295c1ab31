// Who is signed in, shared by the shell and every view. The session itself lives in an
// HttpOnly cookie the app cannot read; this module asks /auth/me once at start and after
// sign-in and sign-out, and tells its listeners.

import type { ApiClient } from './api';
import type { Role, User } from './types';

/** Role ranks: a higher role may do everything a lower one may. */
const rank: Record<Role, number> = { viewer: 1, member: 2, coordinator: 3, admin: 4 };

/** The role user has in region (admins have admin everywhere); undefined for none. */
export function roleIn(user: User | null, region: string): Role | undefined {
  if (!user) return undefined;
  if (user.admin) return 'admin';
  return user.roles[region];
}

/** True when user holds at least role in region. */
export function hasRole(user: User | null, region: string, role: Role): boolean {
  const held = roleIn(user, region);
  return held !== undefined && rank[held] >= rank[role];
}

type Listener = (user: User | null) => void;

export class Session {
  private current: User | null = null;
  private known = false;
  private pending: Promise<User | null> | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly api: ApiClient) {}

  /** The signed-in user; null when nobody is (or before load() answered). */
  get user(): User | null {
    return this.current;
  }

  /** True once /auth/me has answered. */
  get loaded(): boolean {
    return this.known;
  }

  /** Asks the server who is signed in (once; later calls share the answer). */
  load(): Promise<User | null> {
    this.pending ??= this.api.me().then(
      (user) => {
        this.set(user);
        return user;
      },
      () => {
        // The server cannot say: act as signed out, and ask again next time.
        this.pending = undefined;
        this.set(null);
        return null;
      },
    );
    return this.pending;
  }

  async login(username: string, password: string): Promise<User> {
    const result = await this.api.login(username, password);
    this.pending = Promise.resolve(result.user);
    this.set(result.user);
    return result.user;
  }

  async logout(): Promise<void> {
    try {
      await this.api.logout();
    } finally {
      this.pending = Promise.resolve(null);
      this.set(null);
    }
  }

  /** True when the signed-in user holds at least role in region. */
  can(region: string, role: Role): boolean {
    return hasRole(this.current, region, role);
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(user: User | null): void {
    const changed = !this.known || JSON.stringify(user) !== JSON.stringify(this.current);
    this.current = user;
    this.known = true;
    if (changed) for (const listener of [...this.listeners]) listener(user);
  }
}
