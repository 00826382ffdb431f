// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

/// @title Erc20Transfers
/// @notice ERC-20 transfers that accept tokens returning either `true` or nothing, and revert on anything else.
/// @dev USDC-style tokens return bool; some older tokens return nothing. Both are treated as success only when
///      the call itself succeeded, so a token that returns `false` can never be mistaken for a payment.
library Erc20Transfers {
    function pull(address token, address from, address to, uint256 amount) internal {
        (bool ok, bytes memory ret) = token.call(abi.encodeWithSignature("transferFrom(address,address,uint256)", from, to, amount));
        require(ok && (ret.length == 0 || abi.decode(ret, (bool))), "CollateralTransferFromFailed");
    }

    function push(address token, address to, uint256 amount) internal {
        (bool ok, bytes memory ret) = token.call(abi.encodeWithSignature("transfer(address,uint256)", to, amount));
        require(ok && (ret.length == 0 || abi.decode(ret, (bool))), "CollateralTransferFailed");
    }
}
