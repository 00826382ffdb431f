package io.velocity.accounting.recovery;

import io.velocity.accounting.AuditTrail;
import io.velocity.chain.CtfClient;
import io.velocity.chain.CtfFunctions;
import io.velocity.chain.Erc20Client;
import io.velocity.chain.MinedTransaction;
import io.velocity.chain.TransactionSender;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Finds the approvals a wallet lacks and, once the trader confirms, sends them. An allowance
 * counts as missing when it is zero or below the wallet's collateral; the fix approves the
 * maximum, as the venue's own setup does, so it is not needed again.
 */
public final class Approvals {

    /** 2^256 − 1: the conventional "unlimited" allowance. */
    public static final BigInteger UNLIMITED = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    private final CtfClient ctf;
    private final Erc20Client collateral;
    private final ApprovalTargets targets;

    /**
     * @param ctf        the Conditional Tokens contract
     * @param collateral the collateral token
     * @param targets    who must be approved
     */
    public Approvals(CtfClient ctf, Erc20Client collateral, ApprovalTargets targets) {
        this.ctf = Objects.requireNonNull(ctf, "ctf");
        this.collateral = Objects.requireNonNull(collateral, "collateral");
        this.targets = Objects.requireNonNull(targets, "targets");
    }

    /**
     * @param wallet the trading wallet
     * @return approvals it lacks, each with the exact transaction to send
     */
    public List<RequiredApproval> missing(Address wallet) {
        List<RequiredApproval> missing = new ArrayList<>();
        BigInteger cash = collateral.balanceOf(wallet);
        for (ApprovalTargets.Named spender : targets.collateralSpenders()) {
            BigInteger allowance = collateral.allowance(wallet, spender.address());
            if (allowance.signum() == 0 || allowance.compareTo(cash) < 0) {
                Function approve = new Function("approve", List.of(spender.address(), new Uint256(UNLIMITED)),
                        Collections.emptyList());
                missing.add(new RequiredApproval("collateral allowance for " + spender.name() + " (now " + allowance
                        + ")", RequiredApproval.Kind.COLLATERAL_ALLOWANCE, collateral.address(), spender.address(),
                        FunctionEncoder.encode(approve)));
            }
        }
        for (ApprovalTargets.Named operator : targets.positionOperators()) {
            if (!ctf.isApprovedForAll(wallet, operator.address())) {
                missing.add(new RequiredApproval("outcome-token operator approval for " + operator.name(),
                        RequiredApproval.Kind.POSITIONS_OPERATOR, ctf.address(), operator.address(),
                        FunctionEncoder.encode(CtfFunctions.setApprovalForAll(operator.address(), true))));
            }
        }
        return List.copyOf(missing);
    }

    /**
     * Sends approvals the trader confirmed, one after the other, each followed to its receipt.
     *
     * @param confirmed approvals from {@link #missing}
     * @param sender    the wallet's transaction sender
     * @param audit     where each one is recorded
     * @return the mined transactions, in order
     */
    public static List<MinedTransaction> send(List<RequiredApproval> confirmed, TransactionSender sender,
            AuditTrail audit) {
        List<MinedTransaction> mined = new ArrayList<>();
        for (RequiredApproval approval : confirmed) {
            MinedTransaction transaction = sender.send(approval.request());
            audit.record("trader", "approval.sent", approval.description() + " in " + transaction.hash(),
                    "{\"contract\":\"" + approval.contract() + "\",\"spender\":\"" + approval.spender()
                            + "\",\"txHash\":\"" + transaction.hash() + "\",\"gasUsed\":" + transaction.gas().used()
                            + ",\"gasEstimate\":" + transaction.gas().estimate() + "}");
            mined.add(transaction);
        }
        return List.copyOf(mined);
    }
}
