package io.velocity.storage.journal;

/** How the strategy chose to take an edge (DESIGN.md §4). */
public enum IntentType {
    /** Cross the spread now: taker order, pays the taker fee. */
    SNIPE,
    /** Rest maker orders, cancelled when the edge degrades. */
    LADDER
}
