package org.edgeway.web.faces;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The list-page convention of seed 001 (G8/G9): rows with check boxes, Select all / Unselect all, and an action
 * (Delete, Acknowledge) on the selected rows that reloads the list when it succeeds.
 *
 * @param <T> row type
 */
public abstract class CheckboxList<T> implements Serializable {

    private List<T> list = List.of();
    private List<T> selected = new ArrayList<>();

    /** Reads the rows from the service. */
    protected abstract List<T> fetch();

    protected void reload() {
        list = fetch();
        selected = new ArrayList<>();
    }

    /** Runs {@code action} on the selected rows through {@link SaveAction}; reloads when it succeeded. */
    protected void onSelected(SaveAction save, String formId, String doneBanner, java.util.function.Consumer<List<T>> action) {
        List<T> rows = List.copyOf(selected);
        if (save.run(formId, rows.size() + " " + doneBanner, () -> action.accept(rows))) {
            reload();
        }
    }

    public void selectAll() {
        selected = new ArrayList<>(list);
    }

    public void unselectAll() {
        selected = new ArrayList<>();
    }

    public List<T> getList() {
        return list;
    }

    public List<T> getSelected() {
        return selected;
    }

    public void setSelected(List<T> selected) {
        this.selected = selected == null ? new ArrayList<>() : selected;
    }
}
