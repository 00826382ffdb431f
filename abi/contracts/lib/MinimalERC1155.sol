// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

/// @notice Receiver hooks a contract must implement to be sent ERC-1155 tokens with the safe transfer functions.
interface IERC1155Receiver {
    function onERC1155Received(address operator, address from, uint256 id, uint256 value, bytes calldata data)
        external returns (bytes4);

    function onERC1155BatchReceived(
        address operator,
        address from,
        uint256[] calldata ids,
        uint256[] calldata values,
        bytes calldata data
    ) external returns (bytes4);
}

/// @title MinimalERC1155
/// @notice The ERC-1155 multi-token core the ConditionalTokens contract needs: balances, operator approval,
///         safe single/batch transfers with receiver checks, and internal mint/burn for positions.
/// @dev No URI metadata: outcome positions carry no off-chain metadata on the local chain.
abstract contract MinimalERC1155 {
    mapping(uint256 => mapping(address => uint256)) private _balances;
    mapping(address => mapping(address => bool)) private _operatorApprovals;

    event TransferSingle(address indexed operator, address indexed from, address indexed to, uint256 id, uint256 value);
    event TransferBatch(
        address indexed operator, address indexed from, address indexed to, uint256[] ids, uint256[] values
    );
    event ApprovalForAll(address indexed owner, address indexed operator, bool approved);

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        // ERC-165 itself and ERC-1155.
        return interfaceId == 0x01ffc9a7 || interfaceId == 0xd9b67a26;
    }

    function balanceOf(address owner, uint256 id) public view returns (uint256) {
        require(owner != address(0), "BalanceQueryForZeroAddress");
        return _balances[id][owner];
    }

    function balanceOfBatch(address[] calldata owners, uint256[] calldata ids)
        external
        view
        returns (uint256[] memory balances)
    {
        require(owners.length == ids.length, "LengthMismatch");
        balances = new uint256[](owners.length);
        for (uint256 i = 0; i < owners.length; i++) {
            balances[i] = balanceOf(owners[i], ids[i]);
        }
    }

    function setApprovalForAll(address operator, bool approved) external {
        require(operator != msg.sender, "SelfApproval");
        _operatorApprovals[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    function isApprovedForAll(address owner, address operator) public view returns (bool) {
        return _operatorApprovals[owner][operator];
    }

    function safeTransferFrom(address from, address to, uint256 id, uint256 value, bytes calldata data) external {
        require(from == msg.sender || isApprovedForAll(from, msg.sender), "NotOwnerNorApproved");
        require(to != address(0), "TransferToZeroAddress");
        _debit(from, id, value);
        _balances[id][to] += value;
        emit TransferSingle(msg.sender, from, to, id, value);
        _checkSingleReceiver(msg.sender, from, to, id, value, data);
    }

    function safeBatchTransferFrom(
        address from,
        address to,
        uint256[] calldata ids,
        uint256[] calldata values,
        bytes calldata data
    ) external {
        require(from == msg.sender || isApprovedForAll(from, msg.sender), "NotOwnerNorApproved");
        require(to != address(0), "TransferToZeroAddress");
        require(ids.length == values.length, "LengthMismatch");
        for (uint256 i = 0; i < ids.length; i++) {
            _debit(from, ids[i], values[i]);
            _balances[ids[i]][to] += values[i];
        }
        emit TransferBatch(msg.sender, from, to, ids, values);
        _checkBatchReceiver(msg.sender, from, to, ids, values, data);
    }

    function _mintBatch(address to, uint256[] memory ids, uint256[] memory values) internal {
        require(to != address(0), "MintToZeroAddress");
        for (uint256 i = 0; i < ids.length; i++) {
            _balances[ids[i]][to] += values[i];
        }
        emit TransferBatch(msg.sender, address(0), to, ids, values);
        _checkBatchReceiver(msg.sender, address(0), to, ids, values, "");
    }

    function _mint(address to, uint256 id, uint256 value) internal {
        require(to != address(0), "MintToZeroAddress");
        _balances[id][to] += value;
        emit TransferSingle(msg.sender, address(0), to, id, value);
        _checkSingleReceiver(msg.sender, address(0), to, id, value, "");
    }

    function _burn(address from, uint256 id, uint256 value) internal {
        _debit(from, id, value);
        emit TransferSingle(msg.sender, from, address(0), id, value);
    }

    function _burnBatch(address from, uint256[] memory ids, uint256[] memory values) internal {
        for (uint256 i = 0; i < ids.length; i++) {
            _debit(from, ids[i], values[i]);
        }
        emit TransferBatch(msg.sender, from, address(0), ids, values);
    }

    function _debit(address from, uint256 id, uint256 value) private {
        uint256 held = _balances[id][from];
        require(held >= value, "InsufficientBalance");
        _balances[id][from] = held - value;
    }

    function _checkSingleReceiver(
        address operator,
        address from,
        address to,
        uint256 id,
        uint256 value,
        bytes memory data
    ) private {
        if (to.code.length == 0) return;
        bytes4 answer = IERC1155Receiver(to).onERC1155Received(operator, from, id, value, data);
        require(answer == IERC1155Receiver.onERC1155Received.selector, "ReceiverRejectedTokens");
    }

    function _checkBatchReceiver(
        address operator,
        address from,
        address to,
        uint256[] memory ids,
        uint256[] memory values,
        bytes memory data
    ) private {
        if (to.code.length == 0) return;
        bytes4 answer = IERC1155Receiver(to).onERC1155BatchReceived(operator, from, ids, values, data);
        require(answer == IERC1155Receiver.onERC1155BatchReceived.selector, "ReceiverRejectedTokens");
    }
}
