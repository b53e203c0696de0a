#!/bin/bash
# Runs once, when the primary's data directory is created (docker-entrypoint-initdb.d): a role the replica
# streams WAL with, and the pg_hba rule that lets it in from the compose network.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD 'replicator';
SQL
echo 'host replication replicator all scram-sha-256' >>"$PGDATA/pg_hba.conf"
