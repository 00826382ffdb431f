package io.velocity.execution;

import io.velocity.chain.CtfPositionIds;
import io.velocity.chain.Hash32;
import io.velocity.chain.LocalChain;
import io.velocity.chain.LocalDeployment;
import io.velocity.core.Clock;
import io.velocity.execution.signing.EthAddress;
import io.velocity.execution.signing.OrderSigner;
import io.velocity.execution.signing.Secp256k1Signer;
import io.velocity.execution.signing.SignatureType;
import io.velocity.orders.OrderRequest;
import io.velocity.orders.TimeInForce;
import io.velocity.strategy.Outcome;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One market on the shared local chain, set up for Rail B: the exchange operator that sends Rail B
 * transactions (account 3) holds Up tokens and cash and lets the exchange move them; the trader
 * (account 4) signs orders and has cash approved for the exchange. Account 9 is an outsider (not
 * an operator), account 7 is kept for nonce-recovery tests.
 */
public final class LocalExchange {
    public static final int RAIL_B_OPERATOR = 3;
    public static final int TRADER = 4;
    public static final int NONCE_TESTS = 7;
    public static final int OUTSIDER = 9;
    private static final AtomicLong QUESTIONS = new AtomicLong(70_000 + System.nanoTime() % 10_000);
    private static final BigInteger INVENTORY = BigInteger.valueOf(1_000_000_000);

    public final LocalChain chain;
    public final Hash32 conditionId;
    public final BigInteger upToken;
    public final BigInteger downToken;

    private LocalExchange(LocalChain chain, Hash32 conditionId, BigInteger upToken, BigInteger downToken) {
        this.chain = chain;
        this.conditionId = conditionId;
        this.upToken = upToken;
        this.downToken = downToken;
    }

    /** A fresh market with operator inventory and a funded trader. */
    public static LocalExchange open(LocalChain chain) {
        ensureOperator(chain);
        Hash32 questionId = Hash32.ofUint256(BigInteger.valueOf(QUESTIONS.incrementAndGet()));
        Address oracle = chain.address(LocalChain.DEPLOYER);
        chain.ctf().prepareCondition(chain.submitter(LocalChain.DEPLOYER), oracle, questionId, 2);
        Hash32 conditionId = CtfPositionIds.conditionId(oracle, questionId, 2);
        BigInteger up = CtfPositionIds.outcomePositionId(chain.contracts.collateral(), conditionId, BigInteger.ONE);
        BigInteger down = CtfPositionIds.outcomePositionId(chain.contracts.collateral(), conditionId, BigInteger.TWO);
        Address exchange = chain.contracts.exchange();
        mint(chain, RAIL_B_OPERATOR, INVENTORY.shiftLeft(1));
        chain.collateral().approve(chain.submitter(RAIL_B_OPERATOR), chain.contracts.ctf(), INVENTORY);
        chain.ctf().splitPosition(chain.submitter(RAIL_B_OPERATOR), chain.contracts.collateral(), Hash32.ZERO, conditionId,
                List.of(BigInteger.ONE, BigInteger.TWO), INVENTORY);
        chain.ctf().setApprovalForAll(chain.submitter(RAIL_B_OPERATOR), exchange, true);
        chain.collateral().approve(chain.submitter(RAIL_B_OPERATOR), exchange, INVENTORY);
        mint(chain, TRADER, INVENTORY);
        chain.collateral().approve(chain.submitter(TRADER), exchange, INVENTORY);
        return new LocalExchange(chain, conditionId, up, down);
    }

    private static synchronized void ensureOperator(LocalChain chain) {
        Address operator = chain.address(RAIL_B_OPERATOR);
        Function isOperator = new Function("isOperator", List.of(operator), List.of(new TypeReference<Bool>() {
        }));
        String answer = chain.rpc.call(null, chain.contracts.exchange().getValue(), FunctionEncoder.encode(isOperator),
                DefaultBlockParameterName.LATEST);
        List<Type> decoded = FunctionReturnDecoder.decode(answer, isOperator.getOutputParameters());
        if (!((Bool) decoded.get(0)).getValue()) {
            chain.submitter(LocalChain.DEPLOYER).execute(chain.contracts.exchange().getValue(), FunctionEncoder.encode(
                    new Function("addOperator", List.of(operator), Collections.emptyList())));
        }
    }

    private static void mint(LocalChain chain, int account, BigInteger amount) {
        LocalDeployment.mintCollateral(chain.submitter(LocalChain.DEPLOYER), chain.contracts.collateral(),
                chain.address(account), amount);
    }

    /** The private key of a dev account as a signer (close it when done). */
    public Secp256k1Signer key(int account) {
        BigInteger d = chain.anvil.account(account).credentials().getEcKeyPair().getPrivateKey();
        byte[] bytes = Numeric.toBytesPadded(d, 32);
        try {
            return Secp256k1Signer.fromPrivateKey(bytes);
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }

    public EthAddress exchange() {
        return EthAddress.parse(chain.contracts.exchange().getValue());
    }

    /** An order factory signing as the trader (EOA) for the local exchange (also used as the neg-risk one). */
    public OrderFactory traderOrders(Secp256k1Signer trader) {
        OrderSigner signer = new OrderSigner(chain.rpc.chainId(), exchange(), trader);
        return new OrderFactory(signer, signer, SignatureType.EOA, null, Clock.SYSTEM, Duration.ofMinutes(10), 42);
    }

    /** A marketable BUY of {@code shares} Up at {@code priceE4} (tick 0.01). */
    public OrderRequest buyUp(long clientOrderId, long priceE4, long sharesMicros, TimeInForce tif) {
        return new OrderRequest(clientOrderId, "trace-" + clientOrderId, conditionId.toString(), upToken.toString(),
                Outcome.UP, true, priceE4, sharesMicros, tif, false, 100, false, 0.0, 1.0, System.nanoTime());
    }

    public BigInteger upBalance(int account) {
        return chain.ctf().balanceOf(chain.address(account), upToken);
    }

    /** The exchange's record of an order hash: {@code [filled, remaining]}; an order never touched is {@code [false, 0]}. */
    public List<Object> orderStatus(String orderHash) {
        Function f = new Function("getOrderStatus", List.of(new org.web3j.abi.datatypes.generated.Bytes32(
                Numeric.hexStringToByteArray(orderHash))), List.of(new TypeReference<Bool>() {
                }, new TypeReference<org.web3j.abi.datatypes.generated.Uint248>() {
                }));
        String answer = chain.rpc.call(null, chain.contracts.exchange().getValue(), FunctionEncoder.encode(f),
                DefaultBlockParameterName.LATEST);
        return FunctionReturnDecoder.decode(answer, f.getOutputParameters()).stream().map(t -> (Object) t.getValue()).toList();
    }

    public long pendingNonce(int account) {
        return chain.rpc.pendingNonce(chain.address(account).getValue()).longValueExact();
    }
}
