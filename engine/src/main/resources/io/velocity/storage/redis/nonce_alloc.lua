-- Atomic nonce allocator (RedisKeys.nonce). Hands out `count` consecutive nonces and returns
-- the first. `floor` is the lowest nonce the caller knows to be unused (e.g. the chain's
-- pending transaction count): the counter never goes below it, so a counter that is behind
-- the chain (fresh Redis, restored snapshot) catches up instead of reusing a nonce.
--   KEYS[1] nonce counter (the next unused nonce, an integer string)
--   ARGV[1] count >= 1
--   ARGV[2] floor >= 0
local count = tonumber(ARGV[1])
local floor = tonumber(ARGV[2])
if count == nil or count < 1 or floor == nil or floor < 0 then
  return redis.error_reply('nonce_alloc: count must be >= 1 and floor >= 0')
end
local stored = redis.call('GET', KEYS[1])
local first = stored and tonumber(stored) or 0
if first < floor then
  first = floor
end
redis.call('SET', KEYS[1], string.format('%d', first + count))
return first
