package org.edgeway.web.maintenance;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.optionkeys.OptionKeyView;
import org.edgeway.services.optionkeys.OptionKeys;
import org.edgeway.services.optionkeys.OptionPrecondition;
import org.edgeway.web.faces.CheckboxList;
import org.edgeway.web.faces.SaveAction;

/** Maintenance &gt; Option keys: the keys at the top, Delete, the Software option section with Add option. */
@Named
@ViewScoped
public class OptionKeysPage extends CheckboxList<OptionKeyView> {

    @Inject
    private OptionKeys optionKeys;
    @Inject
    private SaveAction save;

    private String key;
    private List<OptionPrecondition> preconditions;

    @PostConstruct
    void load() {
        reload();
        preconditions = optionKeys.preconditions();
    }

    @Override
    protected List<OptionKeyView> fetch() {
        return optionKeys.list();
    }

    public void add() {
        if (save.run("addForm", "Option key added", () -> optionKeys.add(key))) {
            key = null;
            reload();
        }
    }

    public void delete() {
        onSelected(save, "keysForm", "option key(s) deleted",
                rows -> optionKeys.delete(rows.stream().map(OptionKeyView::id).toList()));
    }

    public List<OptionPrecondition> getPreconditions() {
        return preconditions;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
