// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

import {RedemptionAdapterBase} from "./lib/RedemptionAdapterBase.sol";

/// @title TestNegRiskAdapter
/// @notice Local stand-in for Polymarket's neg-risk adapter as far as redemption goes: same function
///         `redeemPositions(bytes32 conditionId, uint256[] amounts)` and same `PayoutRedemption` event as production.
contract TestNegRiskAdapter is RedemptionAdapterBase {
    event PayoutRedemption(address indexed redeemer, bytes32 indexed conditionId, uint256[] amounts, uint256 payout);

    constructor(address ctf_, address collateral_) RedemptionAdapterBase(ctf_, collateral_) {}

    /// @notice Redeems `amounts[i]` of outcome i of a resolved binary condition for the caller.
    function redeemPositions(bytes32 conditionId, uint256[] calldata amounts) external {
        uint256 payout = _redeemFor(msg.sender, conditionId, amounts);
        emit PayoutRedemption(msg.sender, conditionId, amounts, payout);
    }
}
