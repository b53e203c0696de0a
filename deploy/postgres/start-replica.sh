#!/bin/bash
# A streaming replica of $PRIMARY_HOST: on first start, copy the primary with pg_basebackup (-R writes
# standby.signal and primary_conninfo), then run as a hot standby. Later starts reuse the copy and catch up.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" -R -X stream --checkpoint=fast; do
    echo "waiting for the primary at $PRIMARY_HOST..."
    rm -rf "${PGDATA:?}"/*
    sleep 2
  done
  chmod 700 "$PGDATA"
fi
# hot_standby_feedback: long public queries are not cancelled by replay of rows the primary vacuumed.
exec postgres -c hot_standby=on -c hot_standby_feedback=on
