package org.edgeway.web.system;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.protection.AutomatedProtection;
import org.edgeway.services.protection.CategoryStatus;

/** System &gt; Protection &gt; Automated detection &gt; Configuration: the categories with their figures. */
@Named
@RequestScoped
public class ProtectionOverviewPage {

    @Inject
    private AutomatedProtection protection;

    private List<CategoryStatus> rows;

    public List<CategoryStatus> getRows() {
        if (rows == null) {
            rows = protection.overview();
        }
        return rows;
    }
}
