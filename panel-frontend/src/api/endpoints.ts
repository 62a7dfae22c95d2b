// Every API route the panel calls, in one place (docs/panel-api.md).
import { api, Query } from './client';
import type {
  Contact, Dashboard, Domain, DomainView, DomainWithFee, History, Host, LedgerEntry, List, Me,
  PollMessage, Registrar, SessionAnswer, TotpEnrolment, Transfer, User,
} from './types';

const e = encodeURIComponent;

export const endpoints = {
  signIn: (username: string, password: string, totp?: string) =>
    api.post<SessionAnswer>('/session', totp ? { username, password, totp } : { username, password }),
  signOut: () => api.del<void>('/session'),
  me: () => api.get<Me>('/me'),
  startEnrolment: () => api.post<TotpEnrolment>('/me/totp'),
  confirmEnrolment: (code: string) => api.post<{ user: User }>('/me/totp/confirm', { code }),

  dashboard: (months = 6) => api.get<Dashboard>('/dashboard', { months }),

  registrars: () => api.get<List<Registrar>>('/registrars'),
  registrar: (id: string) => api.get<Registrar>(`/registrars/${e(id)}`),
  createRegistrar: (body: {
    id: string; name: string; ianaId?: number; password: string; currency: string;
    creditLimit?: string; email: string; abuseEmail: string;
  }) => api.post<Registrar>('/registrars', body),
  deposit: (id: string, body: { amount: string; note: string }) =>
    api.post<LedgerEntry>(`/registrars/${e(id)}/deposits`, body),
  ledger: (id: string, limit = 200) => api.get<List<LedgerEntry>>(`/registrars/${e(id)}/ledger`, { limit }),

  domains: (q: Query) => api.get<List<Domain>>('/domains', { limit: 200, ...q }),
  domain: (name: string) => api.get<DomainView>(`/domains/${e(name)}`),
  createDomain: (body: {
    name: string; years: number; nameservers?: string[]; authInfo: string; registrarId?: string;
  }) => api.post<DomainWithFee>('/domains', body),
  renewDomain: (name: string, body: { years: number; currentExpiryDate: string }) =>
    api.post<DomainWithFee>(`/domains/${e(name)}/renew`, body),
  transferDomain: (name: string, body: { authInfo: string; years?: number }) =>
    api.post<Transfer>(`/domains/${e(name)}/transfer`, body),
  updateDomain: (name: string, body: { addNameservers?: string[]; removeNameservers?: string[] }) =>
    api.patch<Domain>(`/domains/${e(name)}`, body),
  deleteDomain: (name: string) =>
    api.del<{ deletedNow: boolean; domain: Domain; refunds?: Record<string, unknown> }>(`/domains/${e(name)}`),
  restoreDomain: (name: string) => api.post<DomainWithFee>(`/domains/${e(name)}/restore`, {}),

  contacts: (q: Query) => api.get<List<Contact>>('/contacts', { limit: 200, ...q }),
  hosts: (q: Query) => api.get<List<Host>>('/hosts', { limit: 200, ...q }),
  createHost: (body: { name: string; addresses: string[] }) => api.post<Host>('/hosts', body),
  polls: (q: Query) => api.get<List<PollMessage>>('/poll', { limit: 200, ...q }),
  audit: (q: Query) => api.get<List<History>>('/audit', { limit: 200, ...q }),
  users: () => api.get<List<User>>('/users'),
  createUser: (body: { username: string; password: string; role: string; registrarId?: string }) =>
    api.post<User>('/users', body),
};
