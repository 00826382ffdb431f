package io.velocity.execution.onchain;

import io.velocity.chain.ChainFixtures;
import io.velocity.chain.LocalChain;
import io.velocity.chain.LocalChainExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.datatypes.Address;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain layer's senders and Rail B share one nonce counter per wallet. */
@ExtendWith(LocalChainExtension.class)
class SharedChainNoncesTest {

    @Test
    void reservationsFollowTheSharedCounterAndOnlyTheLatestIsGivenBack(LocalChain chain) {
        ChainFixtures fixtures = new ChainFixtures(chain);
        Address wallet = new Address(fixtures.freshWallet().getAddress());
        InMemoryNonceSource counter = new InMemoryNonceSource();
        SharedChainNonces shared = new SharedChainNonces(counter, chain.rpc);

        assertThat(shared.reserve(wallet)).isEqualTo(BigInteger.ZERO);              // floor: the fresh wallet's pending count
        long railB = counter.next(chain.rpc.chainId(), wallet.getValue().toLowerCase(), 0); // Rail B takes the next one
        assertThat(railB).isEqualTo(1);
        assertThat(shared.reserve(wallet)).isEqualTo(BigInteger.TWO);

        shared.release(wallet, BigInteger.ONE);                                     // not the latest: would open a gap
        assertThat(counter.peek(chain.rpc.chainId(), wallet.getValue().toLowerCase())).hasValue(3);
        shared.release(wallet, BigInteger.TWO);                                     // the latest: given back
        assertThat(shared.reserve(wallet)).isEqualTo(BigInteger.TWO);

        fixtures.rpc("anvil_setNonce", wallet.getValue(), "0x9");                  // another tool sent 9 transactions
        shared.resync(wallet);                                                      // "nonce too low": catch up
        assertThat(counter.peek(chain.rpc.chainId(), wallet.getValue().toLowerCase())).hasValue(9);
        counter.reset(chain.rpc.chainId(), wallet.getValue().toLowerCase(), 12);
        shared.resync(wallet);                                                      // never lowered
        assertThat(counter.peek(chain.rpc.chainId(), wallet.getValue().toLowerCase())).hasValue(12);
    }
}
