package dev.hcgateway.revocation;

/**
 * The operator commands' Lua scripts (the admin API's are {@link RevocationWriter}'s): each runs atomically in
 * Redis, so a gateway scanning meanwhile sees a field in one hash or the other, never in neither.
 */
final class StoreScripts {

    private StoreScripts() {
    }

    /**
     * KEYS: legacy subjects, scoped subjects. ARGV: subjects. Moves each into the scoped hash as every issuer's
     * ({@code *:<subject>}), keeping the later instant; returns how many moved.
     */
    static final String MIGRATE_SUBJECTS = """
            local moved = 0
            for _, subject in ipairs(ARGV) do
              local before = redis.call('HGET', KEYS[1], subject)
              if before then
                local field = '*:' .. subject
                local current = redis.call('HGET', KEYS[2], field)
                if not current or tonumber(current) < tonumber(before) then
                  redis.call('HSET', KEYS[2], field, before)
                end
                redis.call('HDEL', KEYS[1], subject)
                moved = moved + 1
              end
            end
            return moved
            """;

    /** KEYS: codes, marker. ARGV: code ids. Adds them while the marker is still missing (re-seeding). */
    static final String RESEED_CODES = """
            if redis.call('EXISTS', KEYS[2]) == 1 then
              return redis.error_reply('HCMARKER the marker appeared while re-seeding')
            end
            return redis.call('SADD', KEYS[1], unpack(ARGV))
            """;

    /**
     * KEYS: scoped subjects, marker. ARGV: field, instant, field, instant... Keeps the later instant of each while
     * the marker is still missing (re-seeding).
     */
    static final String RESEED_SUBJECTS = """
            if redis.call('EXISTS', KEYS[2]) == 1 then
              return redis.error_reply('HCMARKER the marker appeared while re-seeding')
            end
            for i = 1, #ARGV, 2 do
              local current = redis.call('HGET', KEYS[1], ARGV[i])
              if not current or tonumber(current) < tonumber(ARGV[i + 1]) then
                redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
              end
            end
            return #ARGV / 2
            """;

    /**
     * KEYS: marker, counter, changes. ARGV: generation, counter. Ends a re-seed: the counter never below the
     * export's (gateways that saw it would take a lower one for a rollback); an entry added and deleted at once,
     * so that the stream's last deleted id is past every gateway's position (one that goes on from an older
     * position reloads the whole set instead of missing what was re-seeded); the marker last.
     */
    static final String RESEED_FINISH = """
            if redis.call('EXISTS', KEYS[1]) == 1 then
              return redis.error_reply('HCMARKER the marker appeared while re-seeding')
            end
            local counter = tonumber(redis.call('GET', KEYS[2]) or '0') or 0
            if counter < tonumber(ARGV[2]) then redis.call('SET', KEYS[2], ARGV[2]) end
            local id = redis.call('XADD', KEYS[3], '*', 'type', 'reseeded')
            redis.call('XDEL', KEYS[3], id)
            redis.call('SET', KEYS[1], ARGV[1])
            return id
            """;
}
