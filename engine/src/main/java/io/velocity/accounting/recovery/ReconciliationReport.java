package io.velocity.accounting.recovery;

import java.util.List;
import java.util.OptionalLong;

/**
 * What startup reconciliation found and did, for the trader and the audit log.
 *
 * @param venueOpenOrders        open orders the venue reported
 * @param bankrollBeforeMicros   what Redis held before, empty when nothing
 * @param bankrollMicros         the wallet's collateral, now in Redis
 * @param marketsChecked         markets whose balances were read from the chain
 * @param discrepancies          every difference found and corrected
 * @param missingApprovals       approvals the wallet lacks (sent only after the trader confirms)
 * @param pendingTransactions    hashes of transactions still pending from the last run
 * @param unminedNonces          transactions the node holds for the wallet beyond the mined nonce
 * @param resolvedUnredeemed     condition ids queued for redemption
 * @param watchedForResolution   markets now watched for their resolution
 */
public record ReconciliationReport(int venueOpenOrders, OptionalLong bankrollBeforeMicros, long bankrollMicros,
        int marketsChecked, List<Discrepancy> discrepancies, List<RequiredApproval> missingApprovals,
        List<String> pendingTransactions, long unminedNonces, List<String> resolvedUnredeemed,
        int watchedForResolution) {

    /** Copies the lists. */
    public ReconciliationReport {
        discrepancies = List.copyOf(discrepancies);
        missingApprovals = List.copyOf(missingApprovals);
        pendingTransactions = List.copyOf(pendingTransactions);
        resolvedUnredeemed = List.copyOf(resolvedUnredeemed);
    }

    /** @return one paragraph a trader can read */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append("Reconciled with venue and chain: ").append(discrepancies.size()).append(" differences corrected, ")
                .append(venueOpenOrders).append(" open orders at the venue, ").append(marketsChecked)
                .append(" markets checked, bankroll ").append(bankrollMicros).append(" micro-USD");
        if (!resolvedUnredeemed.isEmpty()) {
            text.append(", ").append(resolvedUnredeemed.size()).append(" resolved markets queued for redemption");
        }
        if (!pendingTransactions.isEmpty()) {
            text.append(", ").append(pendingTransactions.size()).append(" pending transactions followed");
        }
        if (!missingApprovals.isEmpty()) {
            text.append(". Missing approvals (send after confirming): ");
            for (int i = 0; i < missingApprovals.size(); i++) {
                text.append(i == 0 ? "" : "; ").append(missingApprovals.get(i).describe());
            }
        }
        return text.append('.').toString();
    }
}
