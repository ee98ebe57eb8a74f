#!/bin/sh
# Container start: migrations (API only), optional admin user, then the Medusa server.
set -e

# The local bin rather than npx, so that after exec medusa itself receives SIGTERM.
# MEDUSA_BIN lets the test suite substitute a stub.
medusa="${MEDUSA_BIN:-/app/node_modules/.bin/medusa}"

mode="${MEDUSA_WORKER_MODE:-shared}"

# Workers start after the API is healthy, so the API has already migrated.
if [ "$MEDUSA_SKIP_MIGRATIONS" != "true" ] && [ "$mode" != "worker" ]; then
  echo "[entrypoint] running database migrations"
  "$medusa" db:migrate
fi

# Demo catalog (unless SEED_DEMO_DATA=false) and the admin user, idempotently, as `npm start` does.
if [ "$mode" != "worker" ]; then
  "$medusa" exec ./src/scripts/bootstrap.js
fi

exec "$medusa" start -p "${PORT:-3001}"
