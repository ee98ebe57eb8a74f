#!/bin/sh
# One-shot set-up for docker compose (service analytics-setup, image curlimages/curl):
# lifecycle policies and index templates into Elasticsearch, then the saved objects into Kibana.
# Idempotent: PUT replaces, the import overwrites. Same files as `npm run elasticsearch:setup`
# and `npm run kibana:import`.
set -e
DIR=$(cd "$(dirname "$0")" && pwd)
ES=${ELASTICSEARCH_URL:?ELASTICSEARCH_URL is required}
KIBANA=${KIBANA_URL:?KIBANA_URL is required}
WAIT=${SETUP_WAIT_SECONDS:-300}

wait_for() { # url, name
  i=0
  until curl -fsS -o /dev/null "$1"; do
    i=$((i + 2))
    [ "$i" -ge "$WAIT" ] && { echo "$2 not reachable at $1" >&2; exit 1; }
    sleep 2
  done
}

wait_for "$ES" Elasticsearch
for f in "$DIR"/ilm/*.json; do
  name=$(basename "$f" .json)
  curl -fsS -X PUT "$ES/_ilm/policy/$name" -H 'content-type: application/json' --data-binary "@$f" > /dev/null
  echo "applied ilm policy $name"
done
for f in "$DIR"/index-templates/*.json; do
  name=$(basename "$f" .json)
  curl -fsS -X PUT "$ES/_index_template/$name" -H 'content-type: application/json' --data-binary "@$f" > /dev/null
  echo "applied index template $name"
done

wait_for "$KIBANA/api/status" Kibana
curl -fsS -X POST "$KIBANA/api/saved_objects/_import?overwrite=true" -H 'kbn-xsrf: true' \
  -F "file=@$DIR/kibana/saved-objects.ndjson" > /dev/null
echo "imported Kibana saved objects"
