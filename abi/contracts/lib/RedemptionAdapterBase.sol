// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

import {IERC1155Receiver} from "./MinimalERC1155.sol";
import {Erc20Transfers} from "./Erc20Transfers.sol";

/// @notice The parts of the Conditional Tokens contract an adapter calls.
interface IRedeemableConditionalTokens {
    function getCollectionId(bytes32 parentCollectionId, bytes32 conditionId, uint256 indexSet)
        external view returns (bytes32);
    function getPositionId(address collateralToken, bytes32 collectionId) external pure returns (uint256);
    function balanceOf(address owner, uint256 id) external view returns (uint256);
    function safeBatchTransferFrom(
        address from, address to, uint256[] calldata ids, uint256[] calldata values, bytes calldata data
    ) external;
    function redeemPositions(
        address collateralToken, bytes32 parentCollectionId, bytes32 conditionId, uint256[] calldata indexSets
    ) external;
}

/// @notice Minimal ERC-20 balance read.
interface IBalanceOf {
    function balanceOf(address owner) external view returns (uint256);
}

/// @title RedemptionAdapterBase
/// @notice Shared core of the local stand-ins for Polymarket's redemption adapters: take the holder's outcome
///         tokens (the holder must have called setApprovalForAll(adapter, true) on the CTF), redeem them on the CTF
///         as the adapter, and forward the collateral received to the holder.
/// @dev The production adapters also wrap/unwrap collateral (neg-risk: WrappedCollateral; V2: USDC.e to pUSD);
///      locally the positions are split from the collateral itself, so the collateral is forwarded unchanged.
abstract contract RedemptionAdapterBase is IERC1155Receiver {
    using Erc20Transfers for address;

    IRedeemableConditionalTokens public immutable ctf;
    address public immutable collateral;

    constructor(address ctf_, address collateral_) {
        ctf = IRedeemableConditionalTokens(ctf_);
        collateral = collateral_;
    }

    /// @dev Pulls `amounts[i]` of outcome slot i of a binary condition from the holder, redeems both slots and
    ///      pays the holder. Returns the collateral paid.
    function _redeemFor(address holder, bytes32 conditionId, uint256[] memory amounts) internal returns (uint256) {
        require(amounts.length == 2, "binary conditions only");
        uint256[] memory ids = new uint256[](2);
        uint256[] memory indexSets = new uint256[](2);
        for (uint256 i = 0; i < 2; i++) {
            indexSets[i] = 1 << i;
            ids[i] = ctf.getPositionId(collateral, ctf.getCollectionId(bytes32(0), conditionId, indexSets[i]));
        }
        ctf.safeBatchTransferFrom(holder, address(this), ids, amounts, "");
        uint256 before = IBalanceOf(collateral).balanceOf(address(this));
        ctf.redeemPositions(collateral, bytes32(0), conditionId, indexSets);
        uint256 payout = IBalanceOf(collateral).balanceOf(address(this)) - before;
        if (payout > 0) {
            collateral.push(holder, payout);
        }
        return payout;
    }

    function _positionIds(bytes32 conditionId) internal view returns (uint256 up, uint256 down) {
        up = ctf.getPositionId(collateral, ctf.getCollectionId(bytes32(0), conditionId, 1));
        down = ctf.getPositionId(collateral, ctf.getCollectionId(bytes32(0), conditionId, 2));
    }

    function onERC1155Received(address, address, uint256, uint256, bytes calldata) external view returns (bytes4) {
        require(msg.sender == address(ctf), "only CTF positions");
        return IERC1155Receiver.onERC1155Received.selector;
    }

    function onERC1155BatchReceived(address, address, uint256[] calldata, uint256[] calldata, bytes calldata)
        external
        view
        returns (bytes4)
    {
        require(msg.sender == address(ctf), "only CTF positions");
        return IERC1155Receiver.onERC1155BatchReceived.selector;
    }
}
