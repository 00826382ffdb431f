// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

import {RedemptionAdapterBase} from "./lib/RedemptionAdapterBase.sol";

/// @title TestCollateralAdapter
/// @notice Local stand-in for the CLOB V2 collateral adapter: the Conditional Tokens signature
///         `redeemPositions(address collateralToken, bytes32 parentCollectionId, bytes32 conditionId,
///         uint256[] indexSets)`, redeeming the caller's whole balance of a top-level binary condition.
contract TestCollateralAdapter is RedemptionAdapterBase {
    constructor(address ctf_, address collateral_) RedemptionAdapterBase(ctf_, collateral_) {}

    /// @notice Redeems the caller's Up and Down tokens of a resolved condition and pays the collateral.
    function redeemPositions(address collateralToken, bytes32 parentCollectionId, bytes32 conditionId,
        uint256[] calldata indexSets) external {
        require(collateralToken == collateral, "unexpected collateral");
        require(parentCollectionId == bytes32(0), "top-level positions only");
        require(indexSets.length == 2 && indexSets[0] == 1 && indexSets[1] == 2, "index sets must be [1, 2]");
        (uint256 up, uint256 down) = _positionIds(conditionId);
        uint256[] memory amounts = new uint256[](2);
        amounts[0] = ctf.balanceOf(msg.sender, up);
        amounts[1] = ctf.balanceOf(msg.sender, down);
        _redeemFor(msg.sender, conditionId, amounts);
    }
}
