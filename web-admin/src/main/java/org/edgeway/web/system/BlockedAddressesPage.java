package org.edgeway.web.system;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.protection.AutomatedProtection;
import org.edgeway.services.protection.BlockView;
import org.edgeway.web.faces.CheckboxList;
import org.edgeway.web.faces.SaveAction;

/** System &gt; Protection &gt; Automated detection &gt; Blocked addresses, with Unblock. */
@Named
@ViewScoped
public class BlockedAddressesPage extends CheckboxList<BlockView> {

    @Inject
    private AutomatedProtection protection;
    @Inject
    private SaveAction save;

    @PostConstruct
    void load() {
        reload();
    }

    @Override
    protected List<BlockView> fetch() {
        return protection.blocked();
    }

    public void unblock() {
        onSelected(save, "blockedForm", "address(es) unblocked",
                rows -> protection.unblock(rows.stream().map(BlockView::id).toList()));
    }

    public void refresh() {
        reload();
    }
}
