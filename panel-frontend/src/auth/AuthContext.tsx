import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setCsrfToken, setUnauthorizedHandler } from '../api/client';
import { endpoints } from '../api/endpoints';
import type { Me } from '../api/types';

export interface Auth {
  /** undefined while the first session check runs; null when signed out. */
  me: Me | null | undefined;
  setMe: (m: Me | null) => void;
  refresh: () => Promise<Me | null>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<Auth | undefined>(undefined);

export function AuthProvider({ children, initial }: { children: ReactNode; initial?: Me | null }) {
  const [me, setMeState] = useState<Me | null | undefined>(() => {
    if (initial) setCsrfToken(initial.csrfToken);
    return initial;
  });

  const setMe = useCallback((m: Me | null) => {
    setCsrfToken(m?.csrfToken);
    setMeState(m);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const m = await endpoints.me();
      setMe(m);
      return m;
    } catch {
      setMe(null);
      return null;
    }
  }, [setMe]);

  const signOut = useCallback(async () => {
    try {
      await endpoints.signOut();
    } catch {
      // signed out locally either way
    } finally {
      setMe(null);
    }
  }, [setMe]);

  useEffect(() => {
    if (initial === undefined) void refresh();
  }, [initial, refresh]);

  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null));
    return () => setUnauthorizedHandler(undefined);
  }, [setMe]);

  const value = useMemo(() => ({ me, setMe, refresh, signOut }), [me, setMe, refresh, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const a = useContext(AuthContext);
  if (!a) throw new Error('useAuth outside AuthProvider');
  return a;
}

export const isAdmin = (m: Me | null | undefined) => m?.user.role === 'ADMIN';
export const can = (m: Me | null | undefined, permission: string) =>
  !!m && (m.permissions?.includes(permission) || m.user.role === 'ADMIN');
