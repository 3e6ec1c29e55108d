#!/usr/bin/env bash
# Adds one migration, generated from the current model, for both engines:
#   SQLite     -> src/EventHub.Core/Data/Migrations
#   PostgreSQL -> src/EventHub.Data.PostgreSql/Migrations
# Usage: src/EventHub.Core/Data/add-migration.sh <Name>      (src/EventHub.Core/Data/add-migration.sh --remove drops the last one from both)
set -euo pipefail
cd "$(dirname "$0")/../../.."
name="${1:?usage: src/EventHub.Core/Data/add-migration.sh <Name> | --remove}"

dotnet tool restore >/dev/null
dotnet build src/EventHub.Data.PostgreSql -c Release -nologo -clp:ErrorsOnly

ef() { dotnet ef "$@" --configuration Release --no-build; }
if [ "$name" = "--remove" ]; then
  ef migrations remove --project src/EventHub.Core --startup-project src/EventHub.Core
  ef migrations remove --project src/EventHub.Data.PostgreSql --startup-project src/EventHub.Data.PostgreSql
else
  ef migrations add "$name" --project src/EventHub.Core --startup-project src/EventHub.Core --output-dir Data/Migrations
  ef migrations add "$name" --project src/EventHub.Data.PostgreSql --startup-project src/EventHub.Data.PostgreSql --output-dir Migrations
fi
