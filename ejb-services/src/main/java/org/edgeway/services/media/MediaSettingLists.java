package org.edgeway.services.media;

import org.edgeway.persistence.media.MediaSettings;
import org.edgeway.services.settings.Setting;
import org.edgeway.services.settings.SettingList;

/**
 * The two media pages, one declaration per setting (log label, form and entity accessors); the engine mapping is
 * {@link MediaSettingsService#storedConfig()}, as both pages make one {@code MediaConfig}.
 */
final class MediaSettingLists {

    private MediaSettingLists() {
    }

    static final SettingList<TraversalSubzoneForm, MediaSettings, Void> SUBZONE = new SettingList<>(
            Setting.<TraversalSubzoneForm, MediaSettings, Void, Integer>named("Traversal media port range start")
                    .form(TraversalSubzoneForm::getRangeStart, TraversalSubzoneForm::setRangeStart)
                    .stored(MediaSettings::getRangeStart, MediaSettings::setRangeStart),
            Setting.<TraversalSubzoneForm, MediaSettings, Void, Integer>named("Traversal media port range end")
                    .form(TraversalSubzoneForm::getRangeEnd, TraversalSubzoneForm::setRangeEnd)
                    .stored(MediaSettings::getRangeEnd, MediaSettings::setRangeEnd));

    static final SettingList<TraversalPortsForm, MediaSettings, Void> PORTS = new SettingList<>(
            Setting.<TraversalPortsForm, MediaSettings, Void, Boolean>named("Use configured demultiplexing ports")
                    .form(TraversalPortsForm::isUseConfiguredDemuxPorts, TraversalPortsForm::setUseConfiguredDemuxPorts)
                    .shown(on -> on ? "Yes" : "No")
                    .stored(MediaSettings::isUseConfiguredDemuxPorts, MediaSettings::setUseConfiguredDemuxPorts),
            Setting.<TraversalPortsForm, MediaSettings, Void, Integer>named("Demultiplexing RTP port")
                    .form(TraversalPortsForm::getDemuxRtpPort, TraversalPortsForm::setDemuxRtpPort)
                    .stored(MediaSettings::getDemuxRtpPort, MediaSettings::setDemuxRtpPort),
            Setting.<TraversalPortsForm, MediaSettings, Void, Integer>named("Demultiplexing RTCP port")
                    .form(TraversalPortsForm::getDemuxRtcpPort, TraversalPortsForm::setDemuxRtcpPort)
                    .stored(MediaSettings::getDemuxRtcpPort, MediaSettings::setDemuxRtcpPort));
}
