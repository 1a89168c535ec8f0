package org.edgeway.web.configuration;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.edgeway.services.dialplan.SearchRuleForm;
import org.edgeway.services.dialplan.SearchRules;
import org.edgeway.web.faces.SaveAction;

/** New / edit search rule: {@code /configuration/dial-plan/editsearchrule?id=3}. */
@Named
@ViewScoped
public class EditSearchRulePage implements Serializable {

    @Inject
    private SearchRules rules;
    @Inject
    private SaveAction save;

    private Long id;
    private SearchRuleForm form;
    private List<String> zones;

    public void load() throws IOException {
        if (form != null) {
            return;
        }
        zones = rules.zones();
        form = id == null ? new SearchRuleForm() : rules.form(id).orElse(null);
        if (form == null) {
            EditPages.notFound("No search rule " + id);
        }
    }

    public void save() throws IOException {
        boolean creating = form.getId() == null;
        if (save.run("ruleForm", null, () -> rules.save(form))) {
            EditPages.backTo("/configuration/dial-plan/search-rules",
                    creating ? "Search rule " + form.getName() + " created" : "Saved");
        }
    }

    public boolean isCreating() {
        return form != null && form.getId() == null;
    }

    /** LocalZone, DefaultZone and the configured zones: the choices for Source and Target. */
    public List<String> getZones() {
        return zones;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public SearchRuleForm getForm() {
        return form;
    }
}
