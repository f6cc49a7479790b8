#!/usr/bin/env bash
# Runs once, when the PostgreSQL container starts on an empty data directory: one login role and one
# schema (owned by that role) per service, so no service can read another's tables. Flyway then
# creates the tables inside each schema. Passwords come from the container environment (.env).
set -euo pipefail

create_service_schema() {
  local role="$1" password="$2"
  if [ -z "$password" ]; then
    echo "missing password for $role (see .env.example)" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
       -v role="$role" -v password="$password" -v db="$POSTGRES_DB" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
GRANT CONNECT ON DATABASE :"db" TO :"role";
CREATE SCHEMA AUTHORIZATION :"role";
ALTER ROLE :"role" SET search_path = :"role";
SQL
}

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v db="$POSTGRES_DB" <<'SQL'
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL

create_service_schema catalog      "${CATALOG_DB_PASSWORD:-}"
create_service_schema ordering     "${ORDERING_DB_PASSWORD:-}"
create_service_schema payments     "${PAYMENTS_DB_PASSWORD:-}"
create_service_schema ticketing    "${TICKETING_DB_PASSWORD:-}"
create_service_schema scanning     "${SCANNING_DB_PASSWORD:-}"
create_service_schema notification "${NOTIFICATION_DB_PASSWORD:-}"
create_service_schema identity     "${IDENTITY_DB_PASSWORD:-}"
