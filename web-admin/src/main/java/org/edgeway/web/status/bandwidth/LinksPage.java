package org.edgeway.web.status.bandwidth;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.edgeway.services.bandwidth.BandwidthLinks;
import org.edgeway.services.bandwidth.LinkUsage;
import org.primefaces.model.LazyDataModel;

/** Status &gt; Bandwidth &gt; Links: current media usage per link, refreshed as often as the sampler measures. */
@Named
@ViewScoped
public class LinksPage implements Serializable {

    @Inject
    private BandwidthLinks links;

    private LinksModel model;

    @PostConstruct
    void load() {
        model = new LinksModel(links);
    }

    public LazyDataModel<LinkUsage> getModel() {
        return model;
    }
}
