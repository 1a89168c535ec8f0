package org.edgeway.engine.sip.proxy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.engine.sip.SipSnapshot.SearchView;

/** The most recent searches through the dial plan, newest first (Status &gt; Search history). */
public final class SearchHistory {

    public static final int CAPACITY = 200;

    private final ArrayDeque<SearchView> ring = new ArrayDeque<>();

    public synchronized void add(SearchView search) {
        ring.addFirst(search);
        while (ring.size() > CAPACITY) {
            ring.removeLast();
        }
    }

    public synchronized List<SearchView> recent() {
        return new ArrayList<>(ring);
    }
}
