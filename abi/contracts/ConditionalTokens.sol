// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

import {MinimalERC1155} from "./lib/MinimalERC1155.sol";
import {Erc20Transfers} from "./lib/Erc20Transfers.sol";

/// @title ConditionalTokens
/// @notice A from-scratch implementation of the Gnosis Conditional Tokens Framework (CTF) interface that Polymarket
///         settles on, for the local test chain. Function selectors, event signatures and id derivations match the
///         production CTF so that the engine's calls, log decoders and position ids work unchanged against either.
/// @dev Id derivations (identical to the production CTF):
///      conditionId  = keccak256(abi.encodePacked(oracle, questionId, outcomeSlotCount))
///      collectionId = a point on the alt_bn128 curve y^2 = x^3 + 3 (see getCollectionId), so collection ids of
///                     nested conditions add up independently of the order in which conditions are combined
///      positionId   = uint256(keccak256(abi.encodePacked(collateralToken, collectionId)))
contract ConditionalTokens is MinimalERC1155 {
    using Erc20Transfers for address;

    /// @dev Field modulus of the alt_bn128 (BN254) curve used by the ecAdd precompile.
    uint256 private constant FIELD_MODULUS =
        21888242871839275222246405745257275088696311157297823662689037894645226208583;
    /// @dev Square roots modulo p: p = 3 (mod 4), so sqrt(a) = a^((p + 1) / 4) when a is a quadratic residue.
    uint256 private constant SQRT_EXPONENT = (FIELD_MODULUS + 1) / 4;
    uint256 private constant CURVE_B = 3;
    uint256 private constant PARITY_BIT = 1 << 254;

    event ConditionPreparation(
        bytes32 indexed conditionId, address indexed oracle, bytes32 indexed questionId, uint256 outcomeSlotCount
    );
    event ConditionResolution(
        bytes32 indexed conditionId,
        address indexed oracle,
        bytes32 indexed questionId,
        uint256 outcomeSlotCount,
        uint256[] payoutNumerators
    );
    event PositionSplit(
        address indexed stakeholder,
        address collateralToken,
        bytes32 indexed parentCollectionId,
        bytes32 indexed conditionId,
        uint256[] partition,
        uint256 amount
    );
    event PositionsMerge(
        address indexed stakeholder,
        address collateralToken,
        bytes32 indexed parentCollectionId,
        bytes32 indexed conditionId,
        uint256[] partition,
        uint256 amount
    );
    event PayoutRedemption(
        address indexed redeemer,
        address indexed collateralToken,
        bytes32 indexed parentCollectionId,
        bytes32 conditionId,
        uint256[] indexSets,
        uint256 payout
    );

    /// @notice Payout numerators per outcome slot; the array length is the slot count (0 = not prepared).
    mapping(bytes32 => uint256[]) public payoutNumerators;
    /// @notice Sum of the payout numerators; non-zero exactly when the condition is resolved.
    mapping(bytes32 => uint256) public payoutDenominator;

    /// @notice Registers a condition with `outcomeSlotCount` outcomes that only `oracle` can resolve.
    function prepareCondition(address oracle, bytes32 questionId, uint256 outcomeSlotCount) external {
        require(outcomeSlotCount <= 256, "too many outcome slots");
        require(outcomeSlotCount > 1, "there should be more than one outcome slot");
        bytes32 conditionId = getConditionId(oracle, questionId, outcomeSlotCount);
        require(payoutNumerators[conditionId].length == 0, "condition already prepared");
        payoutNumerators[conditionId] = new uint256[](outcomeSlotCount);
        emit ConditionPreparation(conditionId, oracle, questionId, outcomeSlotCount);
    }

    /// @notice Resolves the caller's condition for `questionId`: the caller is the oracle, and the payout vector's
    ///         length selects the outcome slot count (so a wrong length finds no prepared condition).
    function reportPayouts(bytes32 questionId, uint256[] calldata payouts) external {
        uint256 outcomeSlotCount = payouts.length;
        require(outcomeSlotCount > 1, "there should be more than one outcome slot");
        bytes32 conditionId = getConditionId(msg.sender, questionId, outcomeSlotCount);
        uint256[] storage numerators = payoutNumerators[conditionId];
        require(numerators.length == outcomeSlotCount, "condition not prepared or found");
        require(payoutDenominator[conditionId] == 0, "payout denominator already set");

        uint256 denominator = 0;
        for (uint256 i = 0; i < outcomeSlotCount; i++) {
            denominator += payouts[i];
            numerators[i] = payouts[i];
        }
        require(denominator > 0, "payout is all zeroes");
        payoutDenominator[conditionId] = denominator;
        emit ConditionResolution(conditionId, msg.sender, questionId, outcomeSlotCount, payouts);
    }

    /// @notice Splits `amount` of collateral (parent = 0) or of a parent position into one position per index set
    ///         of `partition`. A partition that does not cover every outcome splits the position of its union.
    function splitPosition(
        address collateralToken,
        bytes32 parentCollectionId,
        bytes32 conditionId,
        uint256[] calldata partition,
        uint256 amount
    ) external {
        (uint256[] memory positionIds, uint256 unionIndexSet, bool coversAllOutcomes) =
            _partitionPositions(collateralToken, parentCollectionId, conditionId, partition);

        if (coversAllOutcomes) {
            if (parentCollectionId == bytes32(0)) {
                collateralToken.pull(msg.sender, address(this), amount);
            } else {
                _burn(msg.sender, getPositionId(collateralToken, parentCollectionId), amount);
            }
        } else {
            _burn(
                msg.sender,
                getPositionId(collateralToken, getCollectionId(parentCollectionId, conditionId, unionIndexSet)),
                amount
            );
        }

        _mintBatch(msg.sender, positionIds, _repeat(amount, positionIds.length));
        emit PositionSplit(msg.sender, collateralToken, parentCollectionId, conditionId, partition, amount);
    }

    /// @notice The inverse of splitPosition: burns `amount` of every position in `partition` and returns the
    ///         collateral, the parent position or the union position.
    function mergePositions(
        address collateralToken,
        bytes32 parentCollectionId,
        bytes32 conditionId,
        uint256[] calldata partition,
        uint256 amount
    ) external {
        (uint256[] memory positionIds, uint256 unionIndexSet, bool coversAllOutcomes) =
            _partitionPositions(collateralToken, parentCollectionId, conditionId, partition);

        _burnBatch(msg.sender, positionIds, _repeat(amount, positionIds.length));

        if (coversAllOutcomes) {
            if (parentCollectionId == bytes32(0)) {
                collateralToken.push(msg.sender, amount);
            } else {
                _mint(msg.sender, getPositionId(collateralToken, parentCollectionId), amount);
            }
        } else {
            _mint(
                msg.sender,
                getPositionId(collateralToken, getCollectionId(parentCollectionId, conditionId, unionIndexSet)),
                amount
            );
        }
        emit PositionsMerge(msg.sender, collateralToken, parentCollectionId, conditionId, partition, amount);
    }

    /// @notice Burns the caller's whole balance of each listed position of a resolved condition and pays
    ///         balance * (sum of the numerators in the index set) / denominator. Losing positions pay 0 and
    ///         still succeed, so a redeemer can always pass every index set.
    function redeemPositions(
        address collateralToken,
        bytes32 parentCollectionId,
        bytes32 conditionId,
        uint256[] calldata indexSets
    ) external {
        uint256 denominator = payoutDenominator[conditionId];
        require(denominator > 0, "result for condition not received yet");
        uint256[] storage numerators = payoutNumerators[conditionId];
        uint256 outcomeSlotCount = numerators.length;
        require(outcomeSlotCount > 0, "condition not prepared yet");
        uint256 fullIndexSet = (1 << outcomeSlotCount) - 1;

        uint256 totalPayout = 0;
        for (uint256 i = 0; i < indexSets.length; i++) {
            uint256 indexSet = indexSets[i];
            require(indexSet > 0 && indexSet < fullIndexSet, "got invalid index set");
            uint256 positionId =
                getPositionId(collateralToken, getCollectionId(parentCollectionId, conditionId, indexSet));

            uint256 numerator = 0;
            for (uint256 slot = 0; slot < outcomeSlotCount; slot++) {
                if (indexSet & (1 << slot) != 0) {
                    numerator += numerators[slot];
                }
            }

            uint256 stake = balanceOf(msg.sender, positionId);
            if (stake > 0) {
                totalPayout += stake * numerator / denominator;
                _burn(msg.sender, positionId, stake);
            }
        }

        if (totalPayout > 0) {
            if (parentCollectionId == bytes32(0)) {
                collateralToken.push(msg.sender, totalPayout);
            } else {
                _mint(msg.sender, getPositionId(collateralToken, parentCollectionId), totalPayout);
            }
        }
        emit PayoutRedemption(msg.sender, collateralToken, parentCollectionId, conditionId, indexSets, totalPayout);
    }

    /// @notice Number of outcome slots of a prepared condition, 0 when it was never prepared.
    function getOutcomeSlotCount(bytes32 conditionId) external view returns (uint256) {
        return payoutNumerators[conditionId].length;
    }

    function getConditionId(address oracle, bytes32 questionId, uint256 outcomeSlotCount)
        public
        pure
        returns (bytes32)
    {
        return keccak256(abi.encodePacked(oracle, questionId, outcomeSlotCount));
    }

    /// @notice Collection id of `indexSet` under `conditionId`, nested in `parentCollectionId` (0 = top level).
    /// @dev Hash-to-curve by try-and-increment: starting from h = keccak256(conditionId, indexSet), take the first
    ///      x = h + k (mod p), k >= 1, for which x^3 + 3 is a square; the top bit of h picks the parity of y. A non-zero
    ///      parent is decompressed (x in the low 254 bits, y parity in bit 254) and added with the ecAdd precompile.
    ///      The result is compressed the same way. This is the production CTF's derivation, so the ids agree.
    function getCollectionId(bytes32 parentCollectionId, bytes32 conditionId, uint256 indexSet)
        public
        view
        returns (bytes32)
    {
        uint256 hashed = uint256(keccak256(abi.encodePacked(conditionId, indexSet)));
        bool wantOddY = (hashed >> 255) != 0;

        uint256 x = hashed;
        uint256 y;
        uint256 ySquared;
        do {
            x = addmod(x, 1, FIELD_MODULUS);
            ySquared = _curveRightHandSide(x);
            y = _sqrtModP(ySquared);
        } while (mulmod(y, y, FIELD_MODULUS) != ySquared);
        if (((y & 1) == 1) != wantOddY) {
            y = FIELD_MODULUS - y;
        }

        uint256 parent = uint256(parentCollectionId);
        if (parent != 0) {
            bool parentOddY = (parent >> 254) != 0;
            uint256 parentX = parent & (PARITY_BIT - 1);
            uint256 parentYSquared = _curveRightHandSide(parentX);
            uint256 parentY = _sqrtModP(parentYSquared);
            require(mulmod(parentY, parentY, FIELD_MODULUS) == parentYSquared, "invalid parent collection ID");
            if (((parentY & 1) == 1) != parentOddY) {
                parentY = FIELD_MODULUS - parentY;
            }
            (bool ok, bytes memory sum) = address(0x06).staticcall(abi.encode(x, y, parentX, parentY));
            require(ok && sum.length == 64, "ecadd failed");
            (x, y) = abi.decode(sum, (uint256, uint256));
        }

        if ((y & 1) == 1) {
            x ^= PARITY_BIT;
        }
        return bytes32(x);
    }

    function getPositionId(address collateralToken, bytes32 collectionId) public pure returns (uint256) {
        return uint256(keccak256(abi.encodePacked(collateralToken, collectionId)));
    }

    /// @dev Validates a partition (non-empty, proper, pairwise disjoint index sets) and derives its position ids.
    function _partitionPositions(
        address collateralToken,
        bytes32 parentCollectionId,
        bytes32 conditionId,
        uint256[] calldata partition
    ) private view returns (uint256[] memory positionIds, uint256 unionIndexSet, bool coversAllOutcomes) {
        require(partition.length > 1, "got empty or singleton partition");
        uint256 outcomeSlotCount = payoutNumerators[conditionId].length;
        require(outcomeSlotCount > 0, "condition not prepared yet");

        uint256 fullIndexSet = (1 << outcomeSlotCount) - 1;
        positionIds = new uint256[](partition.length);
        for (uint256 i = 0; i < partition.length; i++) {
            uint256 indexSet = partition[i];
            require(indexSet > 0 && indexSet < fullIndexSet, "got invalid index set");
            require(unionIndexSet & indexSet == 0, "partition not disjoint");
            unionIndexSet |= indexSet;
            positionIds[i] =
                getPositionId(collateralToken, getCollectionId(parentCollectionId, conditionId, indexSet));
        }
        coversAllOutcomes = unionIndexSet == fullIndexSet;
    }

    function _curveRightHandSide(uint256 x) private pure returns (uint256) {
        return addmod(mulmod(x, mulmod(x, x, FIELD_MODULUS), FIELD_MODULUS), CURVE_B, FIELD_MODULUS);
    }

    /// @dev Candidate square root via the modexp precompile; callers check that it squares back.
    function _sqrtModP(uint256 value) private view returns (uint256 root) {
        (bool ok, bytes memory out) =
            address(0x05).staticcall(abi.encode(uint256(32), uint256(32), uint256(32), value, SQRT_EXPONENT, FIELD_MODULUS));
        require(ok && out.length == 32, "modexp failed");
        root = abi.decode(out, (uint256));
    }

    function _repeat(uint256 value, uint256 count) private pure returns (uint256[] memory values) {
        values = new uint256[](count);
        for (uint256 i = 0; i < count; i++) {
            values[i] = value;
        }
    }
}
