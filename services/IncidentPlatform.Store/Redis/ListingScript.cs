namespace IncidentPlatform.Store.Redis;

/// <summary>
/// One bounded step of the filtered listing, run on the server.
/// <para>KEYS: 1 <c>idx:all</c>, then the index of each index-backed filter (status, service, severity ≥ n). All of
/// them share one order: score = UpdatedAt in Unix ms, ties by id descending (Redis orders equal scores by their
/// bytes). The script counts each index's entries within the time range (ZCOUNT, O(log n)), walks the smallest one
/// newest first from the cursor (ZREVRANK of the cursor's id when it is still in place, so a page costs no scan of
/// what came before), and keeps an entry only if it is a member of every other filter index (ZSCORE, O(1)), lies
/// within since/until to the tick, and contains the text (plain substring search over upper-cased title, service and
/// id). It returns the JSON of the first <c>need</c> matches and stops at the match after them (only its existence
/// matters: it says another page follows), at the end of the range, or after <c>budget</c> entries examined.</para>
/// <para>ARGV: 1 incident key prefix, 2 need, 3 budget, 4–6 cursor? ms id, 7–9 until? ms sub-ticks, 10–12 since? ms
/// sub-ticks, 13 upper-cased text ('' for none). Returns <c>{code, last ms, last id, json…}</c>: code 0 = the range is
/// exhausted, 1 = a match follows the returned ones, 2 = budget spent (last ms/id: the last entry examined, where to
/// go on from).</para>
/// </summary>
internal static class ListingScript
{
    public const string Step = """
        local inc, need, budget = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
        local hasCursor, cursorMs, cursorId = ARGV[4] == '1', tonumber(ARGV[5]), ARGV[6]
        local hasUntil, untilMs, untilSub = ARGV[7] == '1', tonumber(ARGV[8]), tonumber(ARGV[9])
        local hasSince, sinceMs, sinceSub = ARGV[10] == '1', tonumber(ARGV[11]), tonumber(ARGV[12])
        local text = ARGV[13]

        -- The score range: [since, min(until, cursor)], kept as the argument strings (exact).
        local hi, hiMs = '+inf', nil
        if hasUntil then hi, hiMs = ARGV[8], untilMs end
        if hasCursor and (hiMs == nil or cursorMs < hiMs) then hi, hiMs = ARGV[5], cursorMs end
        local lo = hasSince and ARGV[11] or '-inf'

        local driver, fewest = 1, redis.call('ZCOUNT', KEYS[1], lo, hi)
        for i = 2, #KEYS do
          local n = redis.call('ZCOUNT', KEYS[i], lo, hi)
          if n < fewest then driver, fewest = i, n end
        end
        local index, filters = KEYS[driver], {}
        for i = 2, #KEYS do
          if i ~= driver then filters[#filters + 1] = KEYS[i] end
        end

        -- Byte order, as Redis sorts equal scores (Lua's own string comparison follows the locale).
        local function below(a, b)
          for i = 1, math.min(#a, #b) do
            local x, y = string.byte(a, i), string.byte(b, i)
            if x ~= y then return x < y end
          end
          return #a < #b
        end

        local function subTicks(id) return tonumber(redis.call('HGET', inc .. id .. '}', 'usub')) end

        local function matches(id, ms)
          if hasCursor and ms == cursorMs and not below(id, cursorId) then return false end
          if hasUntil and ms >= untilMs and (ms > untilMs or subTicks(id) >= untilSub) then return false end
          if hasSince and ms == sinceMs and subTicks(id) < sinceSub then return false end
          for i = 1, #filters do
            if not redis.call('ZSCORE', filters[i], id) then return false end
          end
          if text == '' then return true end
          local t = redis.call('HMGET', inc .. id .. '}', 'xt', 'xs', 'xi')
          return string.find(t[1], text, 1, true) or (t[2] and string.find(t[2], text, 1, true))
            or string.find(t[3], text, 1, true)
        end

        local rank
        local at = hasCursor and cursorMs == hiMs and redis.call('ZSCORE', index, cursorId)
        if at and tonumber(at) == cursorMs then
          rank = redis.call('ZREVRANK', index, cursorId) + 1
        elseif hi == '+inf' then
          rank = 0
        else
          rank = redis.call('ZCOUNT', index, '(' .. hi, '+inf')
        end

        local result, examined, step = {0, '', ''}, 0, math.min(math.max(need + 1, 16), 128)
        while true do
          local batch = redis.call('ZREVRANGE', index, rank, rank + step - 1, 'WITHSCORES')
          if #batch == 0 then return result end
          for i = 1, #batch, 2 do
            local id, score = batch[i], batch[i + 1]
            local ms = tonumber(score)
            if hasSince and ms < sinceMs then return result end
            examined = examined + 1
            if matches(id, ms) then
              if #result - 3 == need then
                result[1] = 1
                return result
              end
              result[#result + 1] = redis.call('HGET', inc .. id .. '}', 'json')
            end
            if examined >= budget then
              result[1], result[2], result[3] = 2, score, id
              return result
            end
          end
          rank = rank + step
        end
        """;
}
