package org.edgeway.web.system;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.edgeway.services.protection.AutomatedProtection;
import org.edgeway.services.protection.CategoryForm;
import org.edgeway.services.protection.CategoryView;
import org.edgeway.web.configuration.EditPages;
import org.edgeway.web.faces.SaveAction;

/** One category: {@code /system/protection/editcategory?id=turn-auth}; Save "takes effect immediately". */
@Named
@ViewScoped
public class EditProtectionCategoryPage implements Serializable {

    @Inject
    private AutomatedProtection protection;
    @Inject
    private SaveAction save;

    private String id;
    private CategoryForm form;
    private String name;

    public void load() throws IOException {
        if (form != null) {
            return;
        }
        form = protection.categoryForm(id).orElse(null);
        if (form == null) {
            EditPages.notFound("No category " + id);
            return;
        }
        name = protection.category(id).map(CategoryView::name).orElse(id);
    }

    public void save() throws IOException {
        if (save.run("categoryForm", null, () -> protection.saveCategory(form))) {
            EditPages.backTo("/system/protection/configuration", "Saved: " + name);
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public CategoryForm getForm() {
        return form;
    }

    public String getName() {
        return name;
    }
}
