// Every API route the panel calls, in one place (docs/panel-api.md).
import { api, Query, withQuery } from './client';
import type {
  Contact, CsvImportResult, Dashboard, Domain, DomainView, DomainWithFee, EscrowDeposit, History, Host,
  Label, LedgerEntry, List, LookupAnswer, Me, Operation, PollAck, PollMessage, Registrar, SessionAnswer,
  StoredFile, Tld, TldPolicyField, TotpEnrolment, Transfer, User,
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

  ackPoll: (id: string, registrar?: string) => api.del<PollAck>(withQuery(`/poll/${e(id)}`, { registrar })),

  // registrar account management
  suspendRegistrar: (id: string) => api.post<Registrar>(`/registrars/${e(id)}/suspend`),
  reactivateRegistrar: (id: string) => api.post<Registrar>(`/registrars/${e(id)}/reactivate`),
  resetEppPassword: (id: string, password?: string) =>
    api.post<{ password: string }>(`/registrars/${e(id)}/password`, password ? { password } : {}),
  setIpAllowlist: (id: string, ipAllowlist: string[]) => api.put<Registrar>(`/registrars/${e(id)}/ip-allowlist`, { ipAllowlist }),
  setCertificates: (id: string, certFingerprints: string[]) =>
    api.put<Registrar>(`/registrars/${e(id)}/certificates`, { certFingerprints }),
  setCreditLimit: (id: string, creditLimit: string) => api.put<Registrar>(`/registrars/${e(id)}/credit-limit`, { creditLimit }),
  registrarUsers: (id: string) => api.get<List<User>>(`/registrars/${e(id)}/users`),
  resetUserTotp: (id: string, username: string) => api.del<User>(`/registrars/${e(id)}/users/${e(username)}/totp`),

  // TLDs
  tlds: () => api.get<List<Tld>>('/tlds'),
  tld: (tld: string) => api.get<Tld>(`/tlds/${e(tld)}`),
  updateTldPolicy: (tld: string, body: { version: number } & Partial<Record<TldPolicyField, number>>) =>
    api.patch<Tld>(`/tlds/${e(tld)}`, body),
  setTldPrices: (tld: string, body: { version: number; prices: Partial<Record<Operation, Record<string, string>>> }) =>
    api.put<Tld>(`/tlds/${e(tld)}/prices`, body),
  labels: (tld: string, kind?: 'reserved' | 'premium') => api.get<List<Label>>(`/tlds/${e(tld)}/labels`, { kind }),
  putLabel: (tld: string, label: string, body: { reservedReason?: string; premiumPrices?: Partial<Record<Operation, string>> }) =>
    api.put<Label>(`/tlds/${e(tld)}/labels/${e(label)}`, body),
  deleteLabel: (tld: string, label: string) => api.del<void>(`/tlds/${e(tld)}/labels/${e(label)}`),
  importLabels: (tld: string, csv: string) => api.postText<CsvImportResult>(`/tlds/${e(tld)}/labels.csv`, csv, 'text/csv'),

  // reports and escrow
  storedFiles: (store: string, prefix?: string) => api.get<List<StoredFile>>(`/reports/${e(store)}`, { prefix, limit: 1000 }),
  escrow: () => api.get<{ deposits: EscrowDeposit[] }>('/escrow'),

  // domain transfers and lookup
  transferAction: (name: string, action: 'approve' | 'reject' | 'cancel') =>
    api.post<Transfer>(`/domains/${e(name)}/transfer/${action}`, {}),
  lookup: (q: string) => api.get<LookupAnswer>('/lookup', { q }),
};

/** Where a stored report, zone file or escrow deposit is downloaded (a plain GET, same origin). */
export function storedFileUrl(store: string, key: string): string {
  return `/api/reports/${e(store)}/${key.split('/').map(e).join('/')}`;
}
