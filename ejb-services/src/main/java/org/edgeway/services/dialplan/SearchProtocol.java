package org.edgeway.services.dialplan;

/** The Protocol field of a search rule: the requests it applies to (H.323 is not offered by Edgeway). */
public enum SearchProtocol {
    ANY, SIP
}
