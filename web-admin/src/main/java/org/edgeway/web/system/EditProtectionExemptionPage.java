package org.edgeway.web.system;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.edgeway.services.protection.AutomatedProtection;
import org.edgeway.services.protection.CategoryView;
import org.edgeway.services.protection.ExemptionForm;
import org.edgeway.web.configuration.EditPages;
import org.edgeway.web.faces.SaveAction;

/** New / edit exemption: {@code /system/protection/editexemption?id=3}. */
@Named
@ViewScoped
public class EditProtectionExemptionPage implements Serializable {

    @Inject
    private AutomatedProtection protection;
    @Inject
    private SaveAction save;

    private Long id;
    private ExemptionForm form;
    private List<CategoryView> categories;

    public void load() throws IOException {
        if (form != null) {
            return;
        }
        categories = protection.categories();
        form = id == null ? new ExemptionForm() : protection.exemptionForm(id).orElse(null);
        if (form == null) {
            EditPages.notFound("No exemption " + id);
        }
    }

    public void save() throws IOException {
        boolean creating = form.getId() == null;
        if (save.run("exemptionForm", null, () -> protection.saveExemption(form))) {
            EditPages.backTo("/system/protection/exemptions", creating ? "Exemption " + form.getAddress() + "/"
                    + form.getPrefixLength() + " added" : "Saved");
        }
    }

    public boolean isCreating() {
        return form != null && form.getId() == null;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public ExemptionForm getForm() {
        return form;
    }

    public List<CategoryView> getCategories() {
        return categories;
    }
}
