package org.opentld.registry.functions.panel;

import org.opentld.registry.RegistryContext;
import org.opentld.registry.contact.ContactCreate;
import org.opentld.registry.contact.ContactDelete;
import org.opentld.registry.contact.ContactUpdate;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.domain.DomainDelete;
import org.opentld.registry.domain.DomainRenew;
import org.opentld.registry.domain.DomainRestore;
import org.opentld.registry.domain.DomainTransfer;
import org.opentld.registry.domain.DomainUpdate;
import org.opentld.registry.history.AuditLog;
import org.opentld.registry.host.HostCreate;
import org.opentld.registry.host.HostDelete;
import org.opentld.registry.host.HostUpdate;
import org.opentld.registry.lookup.ObjectSearch;
import org.opentld.registry.lookup.PublicLookup;
import org.opentld.registry.poll.PollQueue;
import org.opentld.registry.registrar.RegistrarAdmin;
import org.opentld.registry.reporting.Dashboard;
import org.opentld.registry.tld.LabelCsv;
import org.opentld.registry.tld.TldAdmin;
import org.opentld.registry.user.PanelAccess;
import org.opentld.registry.user.PanelSessions;
import org.opentld.registry.user.PanelSignIn;
import org.opentld.registry.user.UserAdmin;

/** The shared-model operations the panel API calls, built once per execution environment. */
final class PanelApp {
  final RegistryContext ctx;
  final PanelConfig config;
  final PanelAccess access;
  final PanelSessions sessions;
  final PanelSignIn signIn;
  final UserAdmin users;
  final RegistrarAdmin registrars;
  final TldAdmin tlds;
  final LabelCsv labelCsv;
  final ObjectSearch search;
  final AuditLog audit;
  final Dashboard dashboard;
  final PublicLookup lookup;
  final PollQueue poll;
  final DomainCreate domainCreate;
  final DomainUpdate domainUpdate;
  final DomainRenew domainRenew;
  final DomainDelete domainDelete;
  final DomainRestore domainRestore;
  final DomainTransfer domainTransfer;
  final ContactCreate contactCreate;
  final ContactUpdate contactUpdate;
  final ContactDelete contactDelete;
  final HostCreate hostCreate;
  final HostUpdate hostUpdate;
  final HostDelete hostDelete;

  PanelApp(RegistryContext ctx, PanelConfig config) {
    this.ctx = ctx;
    this.config = config;
    this.access = new PanelAccess(ctx, config.requireTotp());
    this.sessions = new PanelSessions(ctx, config.sessionIdle(), config.sessionMax());
    this.signIn = new PanelSignIn(ctx, sessions);
    this.users = new UserAdmin(ctx);
    this.registrars = new RegistrarAdmin(ctx);
    this.tlds = new TldAdmin(ctx);
    this.labelCsv = new LabelCsv(tlds);
    this.search = new ObjectSearch(ctx);
    this.audit = new AuditLog(ctx);
    this.dashboard = new Dashboard(ctx);
    this.lookup = new PublicLookup(ctx);
    this.poll = new PollQueue(ctx);
    this.domainCreate = new DomainCreate(ctx);
    this.domainUpdate = new DomainUpdate(ctx);
    this.domainRenew = new DomainRenew(ctx);
    this.domainDelete = new DomainDelete(ctx);
    this.domainRestore = new DomainRestore(ctx);
    this.domainTransfer = new DomainTransfer(ctx);
    this.contactCreate = new ContactCreate(ctx);
    this.contactUpdate = new ContactUpdate(ctx);
    this.contactDelete = new ContactDelete(ctx);
    this.hostCreate = new HostCreate(ctx);
    this.hostUpdate = new HostUpdate(ctx);
    this.hostDelete = new HostDelete(ctx);
  }
}
