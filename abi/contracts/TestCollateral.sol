// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

/// @title TestCollateral
/// @notice Minimal ERC-20 with 6 decimals standing in for pUSD/USDC on the local test chain.
/// @dev Test-only: the deployer is the minter so tests can fund any account. Never deploy on a real network.
contract TestCollateral {
    string public name;
    string public symbol;
    address public immutable minter;
    uint256 public totalSupply;

    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(string memory name_, string memory symbol_) {
        name = name_;
        symbol = symbol_;
        minter = msg.sender;
    }

    /// @notice pUSD and USDC both use 6 decimals; amounts in tests are micro-units.
    function decimals() external pure returns (uint8) {
        return 6;
    }

    /// @notice Creates `amount` new tokens for `to`. Only the deployer may mint.
    function mint(address to, uint256 amount) external {
        require(msg.sender == minter, "NotMinter");
        require(to != address(0), "MintToZeroAddress");
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _move(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        // An allowance of type(uint256).max is treated as unlimited, as most production tokens do.
        if (allowed != type(uint256).max) {
            require(allowed >= amount, "InsufficientAllowance");
            allowance[from][msg.sender] = allowed - amount;
        }
        _move(from, to, amount);
        return true;
    }

    function _move(address from, address to, uint256 amount) private {
        require(to != address(0), "TransferToZeroAddress");
        uint256 held = balanceOf[from];
        require(held >= amount, "InsufficientBalance");
        balanceOf[from] = held - amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }
}
