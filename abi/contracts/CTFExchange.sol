// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

import {IERC1155Receiver} from "./lib/MinimalERC1155.sol";
import {Erc20Transfers} from "./lib/Erc20Transfers.sol";

/// @notice The ERC-1155 calls the exchange makes on the ConditionalTokens contract.
interface IOutcomeTokens {
    function safeTransferFrom(address from, address to, uint256 id, uint256 value, bytes calldata data) external;
}

/// @notice ERC-1271 contract-wallet signature check used for POLY_1271 orders.
interface IERC1271 {
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4);
}

/// @title CTFExchange (local test exchange)
/// @notice A small, from-scratch exchange for the local test chain that verifies Polymarket CLOB V2 orders exactly as
///         the venue signs them and settles them between a maker and an operator, so Rail B's encoding, signing,
///         simulation and fill accounting can be tested end to end on anvil.
/// @dev What it mirrors from the production V2 exchange:
///      - EIP-712 domain {name "Polymarket CTF Exchange", version "2", chainId, verifyingContract = this} and the
///        V2 Order type; `hashOrder` returns the digest the venue and the engine's signer produce.
///      - The Order struct layout (the eleven signed fields, then `bytes signature` as the last member) and the
///        names fillOrder / fillOrders / matchOrders / hashOrder / getOrderStatus / addOperator / isOperator.
///      - Operator-only fills: any other caller reverts with the readable reason "NotOperator", which an eth_call
///        simulation surfaces before gas is spent.
///      What it deliberately leaves out: fees (fee is always 0), pausing, pre-approved orders, and MINT/MERGE
///      matches (two BUYs or two SELLs on complementary tokens). matchOrders settles complementary matches only:
///      one taker against makers on the same tokenId and the opposite side. The production V2 matchOrders also
///      takes a conditionId and fee amounts; this exchange keeps the V1-style argument list.
///      Signature types: 0 EOA (maker == signer == recovered key); 1 POLY_PROXY and 2 POLY_GNOSIS_SAFE when the
///      maker (the wallet) has approved the signer with approveSigner, instead of the production exchange's CREATE2
///      wallet-address derivation, since no proxy or safe factory exists on the local chain; 3 POLY_1271 when
///      maker == signer is a contract whose isValidSignature accepts the order hash.
///      Amounts: fillAmount is always in units of the order's makerAmount; the taking amount is
///      fillAmount * takerAmount / makerAmount rounded down, as in the production exchange.
contract CTFExchange is IERC1155Receiver {
    using Erc20Transfers for address;

    enum Side {
        BUY,
        SELL
    }

    enum SignatureType {
        EOA,
        POLY_PROXY,
        POLY_GNOSIS_SAFE,
        POLY_1271
    }

    struct Order {
        uint256 salt;
        address maker;
        address signer;
        uint256 tokenId;
        uint256 makerAmount;
        uint256 takerAmount;
        Side side;
        SignatureType signatureType;
        uint256 timestamp;
        bytes32 metadata;
        bytes32 builder;
        bytes signature;
    }

    /// @notice `remaining` is in makerAmount units and is meaningful once the order has been touched: an order never
    ///         seen has filled = false and remaining = 0 and can be filled up to its full makerAmount.
    struct OrderStatus {
        bool filled;
        uint248 remaining;
    }

    bytes32 public constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 public constant ORDER_TYPEHASH = keccak256(
        "Order(uint256 salt,address maker,address signer,uint256 tokenId,uint256 makerAmount,uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,bytes32 metadata,bytes32 builder)"
    );
    bytes32 private constant NAME_HASH = keccak256("Polymarket CTF Exchange");
    bytes32 private constant VERSION_HASH = keccak256("2");
    /// @dev Upper bound of a canonical ECDSA `s` (secp256k1 order / 2): rejecting larger ones stops malleated copies
    ///      of a signature from passing as different signatures.
    uint256 private constant MAX_CANONICAL_S = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;
    bytes4 private constant ERC1271_MAGIC = 0x1626ba7e;

    address public immutable collateral;
    address public immutable ctf;

    mapping(address => bool) public isAdmin;
    mapping(address => bool) public isOperator;
    mapping(bytes32 => OrderStatus) private _orderStatus;
    /// @notice wallet => signer => approved, for POLY_PROXY and POLY_GNOSIS_SAFE orders.
    mapping(address => mapping(address => bool)) public isApprovedSigner;

    uint256 private _entered;

    event OrderFilled(
        bytes32 indexed orderHash,
        address indexed maker,
        address indexed taker,
        Side side,
        uint256 tokenId,
        uint256 makerAmountFilled,
        uint256 takerAmountFilled,
        uint256 fee,
        bytes32 builder,
        bytes32 metadata
    );
    event OrdersMatched(
        bytes32 indexed takerOrderHash,
        address indexed takerOrderMaker,
        Side side,
        uint256 tokenId,
        uint256 makerAmountFilled,
        uint256 takerAmountFilled
    );
    event OrderCancelled(bytes32 indexed orderHash);
    event NewAdmin(address indexed newAdmin, address indexed admin);
    event NewOperator(address indexed newOperator, address indexed admin);
    event RemovedOperator(address indexed removedOperator, address indexed admin);
    event SignerApproval(address indexed wallet, address indexed signer, bool approved);

    modifier onlyAdmin() {
        require(isAdmin[msg.sender], "NotAdmin");
        _;
    }

    modifier onlyOperator() {
        require(isOperator[msg.sender], "NotOperator");
        _;
    }

    modifier nonReentrant() {
        require(_entered == 0, "Reentrancy");
        _entered = 1;
        _;
        _entered = 0;
    }

    /// @param collateral_ ERC-20 the orders are priced in (6 decimals).
    /// @param ctf_ ConditionalTokens contract holding the outcome tokens.
    constructor(address collateral_, address ctf_) {
        require(collateral_ != address(0) && ctf_ != address(0), "ZeroAddress");
        collateral = collateral_;
        ctf = ctf_;
        isAdmin[msg.sender] = true;
        emit NewAdmin(msg.sender, msg.sender);
    }

    // ---------------------------------------------------------------- roles

    function addAdmin(address admin) external onlyAdmin {
        isAdmin[admin] = true;
        emit NewAdmin(admin, msg.sender);
    }

    function addOperator(address operator) external onlyAdmin {
        isOperator[operator] = true;
        emit NewOperator(operator, msg.sender);
    }

    function removeOperator(address operator) external onlyAdmin {
        isOperator[operator] = false;
        emit RemovedOperator(operator, msg.sender);
    }

    /// @notice Lets the caller (a proxy or safe wallet acting as maker) authorise `signer` to sign its orders.
    function approveSigner(address signer, bool approved) external {
        isApprovedSigner[msg.sender][signer] = approved;
        emit SignerApproval(msg.sender, signer, approved);
    }

    // ---------------------------------------------------------------- hashing

    function domainSeparator() public view returns (bytes32) {
        // Computed per call rather than cached so the digest follows block.chainid if the chain forks.
        return keccak256(abi.encode(DOMAIN_TYPEHASH, NAME_HASH, VERSION_HASH, block.chainid, address(this)));
    }

    /// @notice EIP-712 digest of an order: keccak256("\x19\x01" || domainSeparator || structHash).
    function hashOrder(Order memory order) public view returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(
                ORDER_TYPEHASH,
                order.salt,
                order.maker,
                order.signer,
                order.tokenId,
                order.makerAmount,
                order.takerAmount,
                order.side,
                order.signatureType,
                order.timestamp,
                order.metadata,
                order.builder
            )
        );
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator(), structHash));
    }

    function getOrderStatus(bytes32 orderHash) external view returns (OrderStatus memory) {
        return _orderStatus[orderHash];
    }

    /// @notice Reverts with a readable reason unless `order` is correctly signed, unfilled and uncancelled.
    function validateOrder(Order memory order) external view {
        _validateOrder(hashOrder(order), order);
    }

    // ---------------------------------------------------------------- maker actions

    /// @notice Cancels an order; only its maker may do so.
    function cancelOrder(Order memory order) external {
        require(order.maker == msg.sender, "NotOwner");
        bytes32 orderHash = hashOrder(order);
        OrderStatus storage status = _orderStatus[orderHash];
        require(!status.filled, "OrderFilledOrCancelled");
        status.filled = true;
        status.remaining = 0;
        emit OrderCancelled(orderHash);
    }

    // ---------------------------------------------------------------- operator fills

    /// @notice Fills `fillAmount` (maker-amount units) of `order` with the operator as the counterparty.
    function fillOrder(Order memory order, uint256 fillAmount) external onlyOperator nonReentrant {
        _fillOrder(order, fillAmount);
    }

    /// @notice Fills several orders against the operator, each by its own fill amount.
    function fillOrders(Order[] memory orders, uint256[] memory fillAmounts) external onlyOperator nonReentrant {
        require(orders.length == fillAmounts.length, "MismatchedArrayLengths");
        for (uint256 i = 0; i < orders.length; i++) {
            _fillOrder(orders[i], fillAmounts[i]);
        }
    }

    /// @notice Matches a taker order against maker orders on the same token and the opposite side (complementary
    ///         match). Maker prices must cross the taker's price; the taker receives everything the makers give and
    ///         gets back any part of its fill the makers did not need (price improvement stays with the taker).
    function matchOrders(
        Order memory takerOrder,
        Order[] memory makerOrders,
        uint256 takerFillAmount,
        uint256[] memory makerFillAmounts
    ) external onlyOperator nonReentrant {
        require(makerOrders.length > 0, "NoMakerOrders");
        require(makerOrders.length == makerFillAmounts.length, "MismatchedArrayLengths");

        bytes32 takerHash = hashOrder(takerOrder);
        _validateOrder(takerHash, takerOrder);
        _consume(takerHash, takerOrder, takerFillAmount);

        (address takerGives,) = _assetsOf(takerOrder);
        // Pull the taker's side into the exchange first; makers are paid out of it.
        _transfer(takerGives, takerOrder.tokenId, takerOrder.maker, address(this), takerFillAmount);

        uint256 paidToMakers = 0;
        uint256 receivedFromMakers = 0;
        for (uint256 i = 0; i < makerOrders.length; i++) {
            uint256 making = makerFillAmounts[i];
            paidToMakers += _fillAgainstTaker(takerOrder, makerOrders[i], making);
            receivedFromMakers += making;
        }
        _settleTaker(takerHash, takerOrder, takerFillAmount, paidToMakers, receivedFromMakers);
    }

    // ---------------------------------------------------------------- ERC-1155 receiver

    function onERC1155Received(address, address, uint256, uint256, bytes calldata) external view returns (bytes4) {
        require(msg.sender == ctf, "UnexpectedToken");
        return IERC1155Receiver.onERC1155Received.selector;
    }

    function onERC1155BatchReceived(address, address, uint256[] calldata, uint256[] calldata, bytes calldata)
        external
        view
        returns (bytes4)
    {
        require(msg.sender == ctf, "UnexpectedToken");
        return IERC1155Receiver.onERC1155BatchReceived.selector;
    }

    // ---------------------------------------------------------------- internals

    function _fillOrder(Order memory order, uint256 fillAmount) private {
        bytes32 orderHash = hashOrder(order);
        _validateOrder(orderHash, order);
        uint256 taking = _consume(orderHash, order, fillAmount);

        (address makerGives, address makerGets) = _assetsOf(order);
        _transfer(makerGives, order.tokenId, order.maker, msg.sender, fillAmount);
        _transfer(makerGets, order.tokenId, msg.sender, order.maker, taking);

        _emitFilled(orderHash, order, msg.sender, fillAmount, taking);
    }

    /// @dev Settles one maker order of a complementary match through the exchange and returns what the maker was
    ///      paid (in the taker's asset).
    function _fillAgainstTaker(Order memory takerOrder, Order memory makerOrder, uint256 making)
        private
        returns (uint256 taking)
    {
        require(makerOrder.tokenId == takerOrder.tokenId, "MismatchedTokenIds");
        require(makerOrder.side != takerOrder.side, "NotComplementary");
        // Crossing, cross-multiplied to stay in integers: for either taker side the product of the two maker amounts
        // must cover the product of the two taker amounts.
        require(
            takerOrder.makerAmount * makerOrder.makerAmount >= takerOrder.takerAmount * makerOrder.takerAmount,
            "NotCrossing"
        );
        bytes32 makerHash = hashOrder(makerOrder);
        _validateOrder(makerHash, makerOrder);
        taking = _consume(makerHash, makerOrder, making);

        (address makerGives, address makerGets) = _assetsOf(makerOrder);
        _transfer(makerGives, makerOrder.tokenId, makerOrder.maker, address(this), making);
        _transfer(makerGets, makerOrder.tokenId, address(this), makerOrder.maker, taking);
        _emitFilled(makerHash, makerOrder, takerOrder.maker, making, taking);
    }

    /// @dev Checks the taker got at least its limit price, delivers the makers' assets and refunds the unused part.
    function _settleTaker(
        bytes32 takerHash,
        Order memory takerOrder,
        uint256 takerFillAmount,
        uint256 paidToMakers,
        uint256 receivedFromMakers
    ) private {
        require(paidToMakers <= takerFillAmount, "ComplementaryFillExceedsTakerFill");
        uint256 minimumTaking = takerFillAmount * takerOrder.takerAmount / takerOrder.makerAmount;
        require(receivedFromMakers >= minimumTaking, "TooLittleTokensReceived");

        (address takerGives, address takerGets) = _assetsOf(takerOrder);
        _transfer(takerGets, takerOrder.tokenId, address(this), takerOrder.maker, receivedFromMakers);
        uint256 refund = takerFillAmount - paidToMakers;
        if (refund > 0) {
            _transfer(takerGives, takerOrder.tokenId, address(this), takerOrder.maker, refund);
        }

        _emitFilled(takerHash, takerOrder, address(this), paidToMakers, receivedFromMakers);
        emit OrdersMatched(
            takerHash, takerOrder.maker, takerOrder.side, takerOrder.tokenId, paidToMakers, receivedFromMakers
        );
    }

    function _emitFilled(bytes32 orderHash, Order memory order, address taker, uint256 making, uint256 taking) private {
        emit OrderFilled(
            orderHash, order.maker, taker, order.side, order.tokenId, making, taking, 0, order.builder, order.metadata
        );
    }

    /// @dev Books `making` against the order's remaining amount and returns the proportional taking amount.
    function _consume(bytes32 orderHash, Order memory order, uint256 making) private returns (uint256 taking) {
        require(making > 0, "ZeroFillAmount");
        OrderStatus storage status = _orderStatus[orderHash];
        uint256 remaining = status.remaining == 0 ? order.makerAmount : status.remaining;
        require(making <= remaining, "MakingGtRemaining");
        remaining -= making;
        status.remaining = uint248(remaining);
        if (remaining == 0) {
            status.filled = true;
        }
        taking = making * order.takerAmount / order.makerAmount;
    }

    function _validateOrder(bytes32 orderHash, Order memory order) private view {
        require(order.makerAmount > 0, "ZeroMakerAmount");
        require(!_orderStatus[orderHash].filled, "OrderFilledOrCancelled");
        require(_isValidSignature(orderHash, order), "InvalidSignature");
    }

    function _isValidSignature(bytes32 orderHash, Order memory order) private view returns (bool) {
        if (order.signatureType == SignatureType.EOA) {
            return order.maker == order.signer && _recover(orderHash, order.signature) == order.signer;
        }
        if (order.signatureType == SignatureType.POLY_PROXY || order.signatureType == SignatureType.POLY_GNOSIS_SAFE) {
            return isApprovedSigner[order.maker][order.signer] && _recover(orderHash, order.signature) == order.signer;
        }
        // POLY_1271: the wallet contract itself is maker and signer and judges the signature.
        if (order.maker != order.signer || order.signer.code.length == 0) {
            return false;
        }
        (bool ok, bytes memory answer) =
            order.signer.staticcall(abi.encodeCall(IERC1271.isValidSignature, (orderHash, order.signature)));
        return ok && answer.length == 32 && abi.decode(answer, (bytes4)) == ERC1271_MAGIC;
    }

    /// @dev ecrecover over a 65-byte r || s || v signature; returns address(0) for anything malformed or malleable.
    function _recover(bytes32 digest, bytes memory signature) private pure returns (address) {
        if (signature.length != 65) {
            return address(0);
        }
        bytes32 r;
        bytes32 s;
        uint8 v;
        assembly ("memory-safe") {
            r := mload(add(signature, 0x20))
            s := mload(add(signature, 0x40))
            v := byte(0, mload(add(signature, 0x60)))
        }
        if (v < 27) {
            v += 27;
        }
        if ((v != 27 && v != 28) || uint256(s) > MAX_CANONICAL_S) {
            return address(0);
        }
        return ecrecover(digest, v, r, s);
    }

    /// @dev (asset the maker gives, asset the maker gets): a BUY gives collateral for outcome tokens.
    function _assetsOf(Order memory order) private view returns (address gives, address gets) {
        return order.side == Side.BUY ? (collateral, ctf) : (ctf, collateral);
    }

    function _transfer(address asset, uint256 tokenId, address from, address to, uint256 amount) private {
        if (amount == 0 || from == to) {
            return;
        }
        if (asset == collateral) {
            if (from == address(this)) {
                asset.push(to, amount);
            } else {
                asset.pull(from, to, amount);
            }
        } else {
            IOutcomeTokens(asset).safeTransferFrom(from, to, tokenId, amount, "");
        }
    }
}
