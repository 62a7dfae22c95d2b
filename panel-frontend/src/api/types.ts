// Shapes of the panel API's JSON, as docs/panel-api.md documents them.

export type Role = 'ADMIN' | 'REGISTRAR' | 'AUDITOR';

/** Money as the API sends it: minor units, the decimal string and the currency. */
export interface Money {
  minor: number;
  amount: string;
  currency: string;
}

export interface User {
  username: string;
  role: Role;
  registrarId?: string | null;
  totpEnabled?: boolean;
  disabled?: boolean;
  locked?: boolean;
  lockedUntil?: string | null;
  failedLogins?: number;
  createdAt?: string;
  lastLoginAt?: string | null;
}

export interface SessionAnswer {
  user: User;
  csrfToken: string;
  expiresAt?: string;
}

export interface Me {
  user: User;
  csrfToken: string;
  mustEnrolTotp: boolean;
  permissions: string[];
}

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
}

/** Every list: at most `limit` items; `truncated` when more matched. */
export interface List<T> {
  items: T[];
  truncated?: boolean;
  count?: number;
}

export interface Registrar {
  id: string;
  name: string;
  ianaId?: number | null;
  status?: 'ACTIVE' | 'SUSPENDED' | 'TERMINATED' | string;
  email?: string;
  abuseEmail?: string;
  ipAllowlist?: string[];
  certFingerprints?: string[];
  balance?: Money;
  creditLimit?: Money;
  available?: Money;
  createdAt?: string;
  updatedAt?: string;
  version?: number;
}

export interface Domain {
  name: string;
  roid?: string;
  tld?: string;
  registrarId: string;
  registrant?: string | null;
  contacts?: Record<string, string>;
  nameservers?: string[];
  statuses: string[];
  createdAt?: string;
  updatedAt?: string;
  expiresAt?: string;
  deletedAt?: string | null;
  redemptionEndsAt?: string | null;
  transfer?: Transfer | null;
  version?: number;
}

export interface Transfer {
  name: string;
  status: string;
  requestedBy?: string;
  requestedAt?: string;
  actionBy?: string;
  losingRegistrar?: string;
  expiresAt?: string;
  fee?: Money;
}

export interface History {
  id: string;
  at: string;
  action: string;
  objectType?: string;
  objectName?: string;
  registrarId?: string;
  actor?: string;
  clTrid?: string | null;
  svTrid?: string | null;
}

export interface DomainView {
  domain: Domain;
  history: History[];
}

export interface DomainWithFee {
  domain: Domain;
  fee?: Money;
}

export interface Contact {
  id: string;
  roid?: string;
  registrarId: string;
  postalInfo?: { type: string; name?: string; org?: string; cc?: string }[];
  email?: string;
  statuses?: string[];
  linked?: boolean;
  createdAt?: string;
}

export interface Host {
  name: string;
  roid?: string;
  registrarId: string;
  addresses?: string[];
  superordinateDomain?: string | null;
  statuses?: string[];
  linked?: boolean;
  createdAt?: string;
}

export interface LedgerEntry {
  id: string;
  at: string;
  amount: Money;
  kind: string;
  tld?: string | null;
  objectName?: string | null;
  years?: number | null;
  reference?: string | null;
  description?: string | null;
}

export interface PollMessage {
  id: string;
  queuedAt: string;
  kind?: string;
  message: string;
  objectType?: string | null;
  objectName?: string | null;
}

export interface Dashboard {
  domainsByTld: { tld: string; total: number; byStatus: Record<string, number> }[];
  activity: { month: string; creates: number; deletes: number; renews: number; transfers: number }[];
  topRegistrars: { registrarId: string; name?: string; domains: number }[];
  balances: { registrarId: string; balance: Money; creditLimit?: Money; available?: Money }[];
  notes?: string[];
  truncated?: boolean;
}

/** Billing operations priced per TLD. */
export const OPERATIONS = ['CREATE', 'RENEW', 'TRANSFER', 'RESTORE'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** The policy numbers an admin may change (PATCH /api/tlds/{tld}). */
export const TLD_POLICY_FIELDS = [
  'addGraceDays', 'renewGraceDays', 'autoRenewGraceDays', 'transferGraceDays', 'redemptionDays',
  'pendingDeleteDays', 'restoreReportDays', 'pendingTransferDays', 'transferLockDays',
  'minPeriodYears', 'maxPeriodYears', 'maxExpiryYears', 'maxCheckNames', 'maxNameservers',
  'maxHostAddresses', 'maxDsRecords',
] as const;
export type TldPolicyField = (typeof TLD_POLICY_FIELDS)[number];

export type Tld = {
  name: string;
  currency: string;
  idnTables?: string[];
  clientStatuses?: string[];
  createdAt?: string;
  version: number;
  /** operation → years → decimal string */
  prices: Partial<Record<Operation, Record<string, string>>>;
} & Partial<Record<TldPolicyField, number>>;

export interface Label {
  label: string;
  reservedReason?: string | null;
  premiumPrices?: Partial<Record<Operation, Money>> | null;
}

export interface CsvImportResult {
  imported: number;
  errors: { line: number; detail: string }[];
}

export interface StoredFile {
  key: string;
  size: number;
  lastModified?: string;
}

export interface EscrowDeposit {
  tld: string;
  latestFull?: (StoredFile & { date?: string }) | null;
  latestDiff?: (StoredFile & { date?: string }) | null;
}

export interface PollAck {
  ackedId: string;
  count: number;
  nextId?: string | null;
}

export type LookupAnswer =
  | { kind: 'domain'; domain: { name: string; registrarId: string; registrar?: string; statuses: string[]; nameservers?: string[]; createdAt?: string; expiresAt?: string; updatedAt?: string; dnssec?: boolean } }
  | { kind: 'host'; host: { name: string; registrarId: string; addresses?: string[]; statuses?: string[] } }
  | { kind: 'registrar'; registrar: { id: string; name: string; ianaId?: number | null; url?: string | null; abuseEmail?: string | null; abusePhone?: string | null } }
  | { kind: 'search'; domains: { name: string; registrarId?: string; statuses?: string[] }[]; hosts: { name: string; registrarId?: string }[] };
