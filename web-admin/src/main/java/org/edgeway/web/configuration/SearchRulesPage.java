package org.edgeway.web.configuration;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.dialplan.SearchRuleView;
import org.edgeway.services.dialplan.SearchRules;
import org.edgeway.web.faces.CheckboxList;
import org.edgeway.web.faces.SaveAction;

/** Configuration &gt; Dial plan &gt; Search rules: the rules in the order they are tried. */
@Named
@ViewScoped
public class SearchRulesPage extends CheckboxList<SearchRuleView> {

    @Inject
    private SearchRules rules;
    @Inject
    private SaveAction save;

    @PostConstruct
    void load() {
        reload();
    }

    @Override
    protected List<SearchRuleView> fetch() {
        return rules.list();
    }

    public void delete() {
        onSelected(save, "rulesForm", "search rule(s) deleted", rows -> rules.delete(ids(rows)));
    }

    public void enable() {
        onSelected(save, "rulesForm", "search rule(s) enabled", rows -> rules.setEnabled(ids(rows), true));
    }

    public void disable() {
        onSelected(save, "rulesForm", "search rule(s) disabled", rows -> rules.setEnabled(ids(rows), false));
    }

    private static List<Long> ids(List<SearchRuleView> rows) {
        return rows.stream().map(SearchRuleView::id).toList();
    }
}
