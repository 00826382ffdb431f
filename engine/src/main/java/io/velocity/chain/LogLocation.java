package io.velocity.chain;

import java.math.BigInteger;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Where a decoded event sits on chain, so consumers can deduplicate, order and undo on reorgs.
 *
 * @param contract        emitting contract address
 * @param blockNumber     block of the log, null while pending
 * @param blockHash       hash of that block, null while pending
 * @param transactionHash transaction that emitted the log
 * @param logIndex        position of the log in its block
 * @param removed         true when a reorg removed the log (the node re-sends it with this flag)
 */
public record LogLocation(
        String contract,
        BigInteger blockNumber,
        String blockHash,
        String transactionHash,
        BigInteger logIndex,
        boolean removed) {

    /** @return the location of a web3j log */
    public static LogLocation of(Log log) {
        return new LogLocation(log.getAddress(), log.getBlockNumberRaw() == null ? null : log.getBlockNumber(),
                log.getBlockHash(), log.getTransactionHash(),
                log.getLogIndexRaw() == null ? null : log.getLogIndex(), log.isRemoved());
    }
}
