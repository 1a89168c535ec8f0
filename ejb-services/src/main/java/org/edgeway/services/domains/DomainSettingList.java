package org.edgeway.services.domains;

import org.edgeway.persistence.domains.Domain;
import org.edgeway.services.settings.Setting;
import org.edgeway.services.settings.SettingList;

/** The fields of one domain, declared once: copies and configuration log lines follow from this list. */
final class DomainSettingList {

    private DomainSettingList() {
    }

    static final SettingList<DomainForm, Domain, Void> SETTINGS = new SettingList<>(
            Setting.<DomainForm, Domain, Void, String>named("Domain name")
                    .form(DomainForm::getName, DomainForm::setName)
                    .stored(Domain::getName, Domain::setName),
            Setting.<DomainForm, Domain, Void, Boolean>named("SIP registrations and provisioning on Expressway")
                    .form(DomainForm::isSipRegistrations, DomainForm::setSipRegistrations).shown(Setting::onOff)
                    .stored(Domain::isSipRegistrations, Domain::setSipRegistrations),
            Setting.<DomainForm, Domain, Void, Boolean>named("SIP registrations and provisioning on Unified CM")
                    .form(DomainForm::isSipOnUcm, DomainForm::setSipOnUcm).shown(Setting::onOff)
                    .stored(Domain::isSipOnUcm, Domain::setSipOnUcm),
            Setting.<DomainForm, Domain, Void, Boolean>named("IM and Presence Service")
                    .form(DomainForm::isImAndPresence, DomainForm::setImAndPresence).shown(Setting::onOff)
                    .stored(Domain::isImAndPresence, Domain::setImAndPresence),
            Setting.<DomainForm, Domain, Void, Boolean>named("XMPP federation")
                    .form(DomainForm::isXmppFederation, DomainForm::setXmppFederation).shown(Setting::onOff)
                    .stored(Domain::isXmppFederation, Domain::setXmppFederation));
}
