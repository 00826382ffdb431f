-- Replaces one side of an order-book mirror atomically (RedisKeys.book / bookUpdated), so a
-- reader never sees a half-written side.
--   KEYS[1] the side's sorted set, KEYS[2] the book's update-time hash
--   ARGV[1] side field name ('bids' or 'asks'), ARGV[2] epoch millis of the book
--   ARGV[3..] pairs: score (price in micro-USD), member ('<priceMicros>:<sizeMicros>')
redis.call('DEL', KEYS[1])
for i = 3, #ARGV, 2 do
  redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return (#ARGV - 2) / 2
