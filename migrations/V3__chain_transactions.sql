-- Every transaction Velocity signs itself (redemptions, approvals): the gas it was expected to use
-- against what its receipt says, and enough to resume following it after a restart (nonce, fees,
-- call data). One row per broadcast hash: replace-by-fee adds a row with the same (sender, nonce)
-- and marks the older one 'replaced' once one of them is mined.
--
-- Wei amounts are numeric(78,0): a uint256 does not fit bigint.
CREATE TABLE chain_transactions (
    tx_hash                  text          PRIMARY KEY,
    sender                   text          NOT NULL,  -- lower-case 0x address
    nonce                    bigint        NOT NULL,
    purpose                  text          NOT NULL,  -- redeem, approve
    reference                text          NOT NULL,  -- what it belongs to, e.g. redeem:<conditionId>
    to_address               text          NOT NULL,
    input                    text          NOT NULL,  -- call data, 0x-hex
    gas_estimate             bigint        NOT NULL,  -- expected gas used (eth_simulateV1, else eth_estimateGas)
    node_gas_estimate        bigint        NOT NULL,  -- eth_estimateGas: the gas limit derives from it
    gas_limit                bigint        NOT NULL,
    max_priority_fee_wei     numeric(78,0) NOT NULL,
    max_fee_wei              numeric(78,0) NOT NULL,
    gas_used                 bigint,                  -- from the receipt
    effective_gas_price_wei  numeric(78,0),
    block_number             bigint,
    state                    text          NOT NULL CHECK (state IN ('pending', 'mined', 'reverted', 'replaced', 'dropped')),
    detail                   text          NOT NULL DEFAULT '',  -- revert reason, drop reason
    sent_at                  timestamptz   NOT NULL,
    updated_at               timestamptz   NOT NULL
);
CREATE INDEX chain_transactions_pending ON chain_transactions (sender, nonce) WHERE state = 'pending';
CREATE INDEX chain_transactions_reference ON chain_transactions (reference);
