#!/usr/bin/env bash
# Fills a passages table with a synthetic city, for the tracer query benchmark (docs/performance.md, "Passages").
#
#   nice -n 10 loadtest/bench/passages-fill.sh            # 20 M passages into database hc_bench (drops it first)
#   ROWS=2000000 DB=hc_bench_small loadtest/bench/passages-fill.sh
#
# The city: PLACES stations/venues with GATES gates each, PEOPLE people (one issuer for most, a few visitors'
# issuers), DAYS full UTC days ending yesterday (inside the default 21-day retention). Each person has a home
# and a work place (popularity skewed: a few hub stations take most traffic); half their passages are at
# home, half at work. Times: 35 % in a morning peak around 08:00, 35 % in an evening peak around 18:00, the
# rest spread over 06:00-23:00. Decisions: ~96 % pass, the rest deny/manual; ~1 % document passages.
# The table, partitions and indexes are exactly those of PassageSchema (the gateway's migration, which
# finds them all present and does nothing); rows are loaded before the key and indexes are built, which is
# much faster than maintaining them row by row. Server-side SQL only (generate_series): no client traffic.
# Bounded: TIMEOUT (default 60 min) for the whole fill.
set -euo pipefail
ROWS=${ROWS:-20000000}
PEOPLE=${PEOPLE:-3000000}
PLACES=${PLACES:-300}
GATES=${GATES:-4}
DAYS=${DAYS:-14}
DB=${DB:-hc_bench}
TIMEOUT=${TIMEOUT:-3600}
PSQL=(psql -h 127.0.0.1 -p 5432 -U postgres -v ON_ERROR_STOP=1 -q)

case "$DB" in hc_bench*) ;; *) echo "DB must start with hc_bench (it is dropped)" >&2; exit 2 ;; esac
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
started=$(date +%s)
timeout "$TIMEOUT" "${PSQL[@]}" -d "$DB" <<SQL
\timing on
SET maintenance_work_mem = '512MB';
SET synchronous_commit = off;
-- Same columns as PassageSchema; the primary key (at, id) is added after the load.
CREATE TABLE passages (
  id uuid NOT NULL, at bigint NOT NULL, gate text NOT NULL, place text NOT NULL, scene text NOT NULL,
  decision text NOT NULL, reason text NOT NULL, colour text, source text, degraded boolean NOT NULL,
  issuer text, subject text, kind text, code_id text, document text
) PARTITION BY RANGE (at);
-- Partitions as the gateway makes them: today - 21 days .. today + 2, named passages_YYYYMMDD.
DO \$\$
DECLARE today int := floor(extract(epoch FROM now()) / 86400); d int;
BEGIN
  FOR d IN today - 21 .. today + 2 LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF passages FOR VALUES FROM (%s) TO (%s)',
      'passages_' || to_char(to_timestamp(d * 86400) AT TIME ZONE 'UTC', 'YYYYMMDD'), d::bigint * 86400000, (d::bigint + 1) * 86400000);
  END LOOP;
END \$\$;
INSERT INTO passages
SELECT md5(n::text || 'id')::uuid,
       (floor(extract(epoch FROM now()) / 86400)::bigint - $DAYS + day) * 86400000 + ms,
       'G-' || lpad(place::text, 3, '0') || '-' || gate,
       'P' || lpad(place::text, 3, '0'),
       CASE WHEN place % 10 = 9 THEN 'venue' ELSE 'metro' END,
       CASE WHEN dec < 0.96 THEN 'pass' WHEN dec < 0.985 THEN 'deny' ELSE 'manual' END,
       CASE WHEN dec < 0.96 THEN 'ok' WHEN dec < 0.975 THEN 'colour_red' WHEN dec < 0.985 THEN 'expired'
            ELSE 'colour_yellow' END,
       CASE WHEN dec < 0.96 THEN 'green' WHEN dec < 0.975 THEN 'red' WHEN dec < 0.985 THEN NULL ELSE 'yellow' END,
       CASE WHEN dec < 0.975 OR dec >= 0.985 THEN 'authority' END,
       false,
       CASE WHEN doc THEN NULL WHEN person % 20 = 0 THEN 'HK' ELSE 'CN-SH' END,
       CASE WHEN doc THEN NULL ELSE substr(md5('s' || person), 1, 16) END,
       CASE WHEN doc THEN NULL ELSE 'resident' END,
       CASE WHEN doc THEN NULL ELSE substr(md5(n::text || 'c'), 1, 32) END,
       CASE WHEN doc THEN md5('d' || person) END
FROM (
  SELECT n, person, dec, doc,
         CASE WHEN r1 < 0.5 THEN floor($PLACES * power((person * 0.6180339887) % 1, 2))::int
              ELSE floor($PLACES * power((person * 0.4142135623) % 1, 1.5))::int END AS place,
         floor(random() * $GATES)::int AS gate,
         floor(random() * $DAYS)::int AS day,
         CASE WHEN r2 < 0.35 THEN (7 * 3600000 + (r3 + r4) * 3600000)::bigint
              WHEN r2 < 0.70 THEN (17 * 3600000 + (r3 + r4) * 3600000)::bigint
              ELSE (6 * 3600000 + r3 * 17 * 3600000)::bigint END AS ms
  FROM (SELECT n, floor(random() * $PEOPLE)::int AS person, random() AS dec, random() < 0.01 AS doc,
               random() AS r1, random() AS r2, random() AS r3, random() AS r4
        FROM generate_series(1, $ROWS) n) s
) t;
ALTER TABLE passages ADD PRIMARY KEY (at, id);
CREATE INDEX passages_place_at_cover ON passages (place, at) INCLUDE (issuer, subject, document);
CREATE INDEX passages_person_at ON passages (issuer, subject, at);
CREATE INDEX passages_document_at ON passages (document, at) WHERE document IS NOT NULL;
VACUUM ANALYZE passages;
SQL
"${PSQL[@]}" -d "$DB" -At -c "SELECT 'rows ' || count(*) FROM passages" \
  -c "SELECT 'size ' || pg_size_pretty(sum(pg_total_relation_size(inhrelid))) FROM pg_inherits WHERE inhparent = 'passages'::regclass"
echo "filled $DB in $(( $(date +%s) - started )) s"
