package io.velocity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint248;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.ECKeyPair;
import org.web3j.protocol.core.DefaultBlockParameterName;

/** The local exchange verifies CLOB V2 signatures, enforces the operator role and settles fills. */
@ExtendWith(LocalChainExtension.class)
class CtfExchangeTest {

    private static final AtomicLong SALTS = new AtomicLong(7_000);
    private static final AtomicLong QUESTIONS = new AtomicLong(9_000);
    private static final int ORACLE = 2;
    private static final int MAKER = 5;
    private static final int WALLET = 6;
    private static final int WALLET_SIGNER = 7;
    private static final int SELLER = 8;
    private static final BigInteger UP = BigInteger.ONE;
    private static final BigInteger DOWN = BigInteger.TWO;

    private LocalChain chain;
    private Address exchange;
    private BigInteger upToken;

    @BeforeEach
    void listMarket(LocalChain localChain) {
        chain = localChain;
        exchange = chain.contracts.exchange();
        Hash32 questionId = Hash32.ofUint256(BigInteger.valueOf(QUESTIONS.incrementAndGet()));
        chain.ctf().prepareCondition(chain.submitter(ORACLE), chain.address(ORACLE), questionId, 2);
        Hash32 conditionId = CtfPositionIds.conditionId(chain.address(ORACLE), questionId, 2);
        upToken = CtfPositionIds.outcomePositionId(chain.contracts.collateral(), conditionId, UP);

        // The operator holds Up tokens (split from collateral) and lets the exchange move them and its cash.
        BigInteger inventory = BigInteger.valueOf(100_000_000);
        fund(LocalChain.OPERATOR, inventory);
        chain.collateral().approve(chain.submitter(LocalChain.OPERATOR), chain.contracts.ctf(), inventory);
        chain.ctf().splitPosition(chain.submitter(LocalChain.OPERATOR), chain.contracts.collateral(), Hash32.ZERO,
                conditionId, List.of(UP, DOWN), inventory);
        chain.ctf().setApprovalForAll(chain.submitter(LocalChain.OPERATOR), exchange, true);
        chain.collateral().approve(chain.submitter(LocalChain.OPERATOR), exchange, inventory);
    }

    @Test
    void hashOrderOnChainEqualsTheJavaEip712Formula() {
        TestOrder order = buyOrder(MAKER, 30_000_000, 50_000_000);

        Hash32 onChain = Hash32.of((byte[]) read(hashOrder(order)).get(0).getValue());

        assertThat(onChain).isEqualTo(order.digest(chain.rpc.chainId(), exchange));
    }

    @Test
    void nonOperatorFillIsRefusedWithAReadableReason() {
        TestOrder order = buyOrder(MAKER, 30_000_000, 50_000_000);
        String call = FunctionEncoder.encode(fillOrder(order, sign(order, MAKER), 10_000_000));

        Simulation simulation = chain.rpc.simulate(chain.address(MAKER).getValue(), exchange.getValue(), call);

        assertThat(simulation.reverted()).isTrue();
        assertThat(simulation.revert().orElseThrow().message()).isEqualTo("NotOperator");
        assertThat(simulation.revert().orElseThrow().kind()).isEqualTo(RevertReason.Kind.ERROR_STRING);
        assertThatThrownBy(() -> chain.submitter(MAKER).execute(exchange.getValue(), call))
                .isInstanceOf(ExecutionRevertedException.class)
                .hasMessageContaining("NotOperator");
    }

    @Test
    void operatorFillsASignedBuyOrderAndOverFillIsRefused() {
        TestOrder order = buyOrder(MAKER, 30_000_000, 50_000_000); // 50 Up at 0.60
        fund(MAKER, order.makerAmount());
        chain.collateral().approve(chain.submitter(MAKER), exchange, order.makerAmount());
        byte[] signature = sign(order, MAKER);
        Address maker = chain.address(MAKER);
        Address operator = chain.address(LocalChain.OPERATOR);
        BigInteger makerCash = chain.collateral().balanceOf(maker);
        BigInteger operatorCash = chain.collateral().balanceOf(operator);

        operatorSends(fillOrder(order, signature, 12_000_000));

        assertThat(chain.ctf().balanceOf(maker, upToken)).isEqualTo(BigInteger.valueOf(20_000_000));
        assertThat(chain.collateral().balanceOf(maker)).isEqualTo(makerCash.subtract(BigInteger.valueOf(12_000_000)));
        assertThat(chain.collateral().balanceOf(operator)).isEqualTo(operatorCash.add(BigInteger.valueOf(12_000_000)));
        assertThat(orderStatus(order)).containsExactly(false, BigInteger.valueOf(18_000_000));

        Simulation overFill = operatorSimulates(fillOrder(order, signature, 18_000_001));
        assertThat(overFill.revert().orElseThrow().message()).isEqualTo("MakingGtRemaining");

        operatorSends(fillOrder(order, signature, 18_000_000));
        assertThat(orderStatus(order)).containsExactly(true, BigInteger.ZERO);
        assertThat(chain.ctf().balanceOf(maker, upToken)).isEqualTo(BigInteger.valueOf(50_000_000));
        assertThat(operatorSimulates(fillOrder(order, signature, 1)).revert().orElseThrow().message())
                .isEqualTo("OrderFilledOrCancelled");
    }

    @Test
    void orderSignedByAnotherKeyIsRejected() {
        TestOrder order = buyOrder(MAKER, 1_000_000, 2_000_000);
        byte[] forged = sign(order, SELLER);

        assertThat(operatorSimulates(fillOrder(order, forged, 1_000_000)).revert().orElseThrow().message())
                .isEqualTo("InvalidSignature");
    }

    @Test
    void proxyOrderNeedsTheWalletToApproveItsSigner() {
        TestOrder order = buyOrder(WALLET, 6_000_000, 10_000_000)
                .withSigner(chain.address(WALLET_SIGNER), TestOrder.POLY_PROXY);
        fund(WALLET, order.makerAmount());
        chain.collateral().approve(chain.submitter(WALLET), exchange, order.makerAmount());
        byte[] signature = sign(order, WALLET_SIGNER);

        assertThat(operatorSimulates(fillOrder(order, signature, 6_000_000)).revert().orElseThrow().message())
                .isEqualTo("InvalidSignature");

        chain.submitter(WALLET).execute(exchange.getValue(), FunctionEncoder.encode(new Function("approveSigner",
                List.of(chain.address(WALLET_SIGNER), new Bool(true)), Collections.emptyList())));
        operatorSends(fillOrder(order, signature, 6_000_000));

        assertThat(chain.ctf().balanceOf(chain.address(WALLET), upToken)).isEqualTo(BigInteger.valueOf(10_000_000));
    }

    @Test
    void fillOrdersAndComplementaryMatchSettleAtTheMakersPrice() {
        // The seller gets Up tokens from the operator through a fill of its own BUY order first.
        TestOrder sellerBuy = buyOrder(SELLER, 5_000_000, 20_000_000);
        fund(SELLER, sellerBuy.makerAmount());
        chain.collateral().approve(chain.submitter(SELLER), exchange, sellerBuy.makerAmount());
        TestOrder makerBuy = buyOrder(MAKER, 1_000_000, 2_000_000);
        fund(MAKER, makerBuy.makerAmount().add(BigInteger.valueOf(12_000_000)));
        chain.collateral().approve(chain.submitter(MAKER), exchange, BigInteger.valueOf(13_000_000));
        operatorSends(new Function("fillOrders",
                List.of(new DynamicArray<>(DynamicStruct.class, TestOrder.toAbi(List.of(sellerBuy, makerBuy),
                                List.of(sign(sellerBuy, SELLER), sign(makerBuy, MAKER)))),
                        new DynamicArray<>(Uint256.class, new Uint256(5_000_000), new Uint256(1_000_000))),
                Collections.emptyList()));
        Address seller = chain.address(SELLER);
        Address taker = chain.address(MAKER);
        assertThat(chain.ctf().balanceOf(seller, upToken)).isEqualTo(BigInteger.valueOf(20_000_000));

        // Seller offers 20 Up at 0.55; the taker bids 0.60 for 20 Up and pays only the maker's price.
        TestOrder ask = TestOrder.eoa(SALTS.incrementAndGet(), seller, upToken, 20_000_000, 11_000_000,
                TestOrder.SELL);
        TestOrder bid = buyOrder(MAKER, 12_000_000, 20_000_000);
        chain.ctf().setApprovalForAll(chain.submitter(SELLER), exchange, true);
        BigInteger takerCash = chain.collateral().balanceOf(taker);
        BigInteger sellerCash = chain.collateral().balanceOf(seller);
        BigInteger takerTokens = chain.ctf().balanceOf(taker, upToken);

        operatorSends(new Function("matchOrders",
                List.of(bid.toAbi(sign(bid, MAKER)),
                        new DynamicArray<>(DynamicStruct.class, List.of(ask.toAbi(sign(ask, SELLER)))),
                        new Uint256(12_000_000),
                        new DynamicArray<>(Uint256.class, new Uint256(20_000_000))),
                Collections.emptyList()));

        assertThat(chain.ctf().balanceOf(taker, upToken)).isEqualTo(takerTokens.add(BigInteger.valueOf(20_000_000)));
        assertThat(chain.collateral().balanceOf(taker)).isEqualTo(takerCash.subtract(BigInteger.valueOf(11_000_000)));
        assertThat(chain.collateral().balanceOf(seller)).isEqualTo(sellerCash.add(BigInteger.valueOf(11_000_000)));
        assertThat(chain.ctf().balanceOf(seller, upToken)).isZero();
    }

    // ------------------------------------------------------------------ helpers

    private TestOrder buyOrder(int account, long collateralAmount, long tokenAmount) {
        return TestOrder.eoa(SALTS.incrementAndGet(), chain.address(account), upToken, collateralAmount, tokenAmount,
                TestOrder.BUY);
    }

    private byte[] sign(TestOrder order, int account) {
        ECKeyPair key = chain.anvil.account(account).credentials().getEcKeyPair();
        return order.sign(key, chain.rpc.chainId(), exchange);
    }

    private void fund(int account, BigInteger amount) {
        LocalDeployment.mintCollateral(chain.submitter(LocalChain.DEPLOYER), chain.contracts.collateral(),
                chain.address(account), amount);
    }

    private static Function fillOrder(TestOrder order, byte[] signature, long fillAmount) {
        return new Function("fillOrder", List.of(order.toAbi(signature), new Uint256(fillAmount)),
                Collections.emptyList());
    }

    private static Function hashOrder(TestOrder order) {
        return new Function("hashOrder", List.of(order.toAbi(new byte[0])),
                List.of(new TypeReference<Bytes32>() { }));
    }

    @SuppressWarnings("rawtypes")
    private List<Object> orderStatus(TestOrder order) {
        Hash32 hash = order.digest(chain.rpc.chainId(), exchange);
        // OrderStatus{bool filled; uint248 remaining} is a static tuple: it encodes like two return values.
        Function status = new Function("getOrderStatus", List.of(hash.toAbi()),
                List.of(new TypeReference<Bool>() { }, new TypeReference<Uint248>() { }));
        return read(status).stream().map(Type::getValue).map(Object.class::cast).toList();
    }

    @SuppressWarnings("rawtypes")
    private List<Type> read(Function function) {
        String data = chain.rpc.call(null, exchange.getValue(), FunctionEncoder.encode(function),
                DefaultBlockParameterName.LATEST);
        return FunctionReturnDecoder.decode(data, function.getOutputParameters());
    }

    private void operatorSends(Function function) {
        chain.submitter(LocalChain.OPERATOR).execute(exchange.getValue(), FunctionEncoder.encode(function));
    }

    private Simulation operatorSimulates(Function function) {
        return chain.rpc.simulate(chain.address(LocalChain.OPERATOR).getValue(), exchange.getValue(),
                FunctionEncoder.encode(function));
    }
}
