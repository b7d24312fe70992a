#!/usr/bin/env bash
# A stand-in for the AtlasDB CLI's `migrate` command that keeps the two
# key-value stores as files, so that a re-run's effect can be seen. It
# records each call as stub.bash does ($STUB_DIR/calls.log, steps.log,
# args/N, the shared call counter) and honours STUB_FAIL_AT and
# STUB_FAIL_AFTER the same way.
#
# A configuration file names its store by its `namespace:` line; the store
# is $STUB_DIR/kvs/NAMESPACE/: tables/TABLE (one `row=value` line per cell,
# sorted), checkpoint (the `TABLE ROW` cells migrate copied, while a migrate
# is unfinished) and writes.log (every cell migrate wrote, in order). Tables
# whose name starts with `_` are atomic: setup keeps them and nothing copies
# them. As the real CLI (palantir/atlasdb 0.118.0):
#   --setup     drops every non-atomic table of the target (the checkpoint
#               too), creates each non-atomic table of the source, empty;
#   --migrate   copies every cell not in the checkpoint, recording each in
#               the checkpoint; when done, deletes the checkpoint and prints
#               "Migration complete."; fails (status 1) on a missing target
#               table, or after ATLAS_FAIL_AFTER_CELLS cells;
#   --validate  compares every non-atomic table but `sweep.priority`; a
#               difference prints "ERROR: Validation failed." and still
#               exits 0.
# ATLAS_SKIP_CELL=TABLE/ROW makes migrate leave that cell out (a faulty copy).
name=${0##*/}
count=0
[[ -f "${STUB_DIR:?}/count" ]] && read -r count <"${STUB_DIR}/count"
count=$((count + 1))
printf '%s\n' "${count}" >"${STUB_DIR}/count"
printf -v quoted ' %q' "$@"
printf '%s\n' "${name}${quoted}" >>"${STUB_DIR}/calls.log"
printf '%s\n' "${MIGRATE_STEP_ID-}" >>"${STUB_DIR}/steps.log"
if [[ -d "${STUB_DIR}/args" ]]; then printf '%s\0' "$@" >"${STUB_DIR}/args/${count}"; fi
if [[ -n ${STUB_FAIL_AT-} && ${count} == "${STUB_FAIL_AT}" ]]; then
  printf 'stub: call %s fails on purpose\n' "${count}" >&2
  exit 1
fi
finish() {
  if [[ -n ${STUB_FAIL_AFTER-} && ${count} == "${STUB_FAIL_AFTER}" ]]; then
    printf 'stub: call %s acted, then fails on purpose\n' "${count}" >&2
    exit 1
  fi
  exit "$1"
}

from='' to='' action=''
while (($#)); do
  case $1 in
    --offline | migrate) ;;
    --fromConfig) from=$2; shift ;;
    --migrateConfig) to=$2; shift ;;
    --setup | --migrate | --validate) action=$1 ;;
    *) printf 'atlasdb-cli stub: unknown argument %s\n' "$1" >&2; exit 2 ;;
  esac
  shift
done

# store CONFIG: the store folder the configuration names, into STORE.
store() {
  local line namespace=''
  if [[ ! -r $1 ]]; then
    printf 'Exception: %s (No such file or directory)\n' "$1" >&2
    exit 1
  fi
  while IFS= read -r line; do
    if [[ ${line} =~ ^[[:space:]]*namespace:[[:space:]]*([^[:space:]]+) ]]; then
      namespace=${BASH_REMATCH[1]}
    fi
  done <"$1"
  STORE="${STUB_DIR}/kvs/${namespace:?no namespace in $1}"
  mkdir -p "${STORE}/tables"
}
store "${from}"
source_store=${STORE}
store "${to}"
target_store=${STORE}

# tables STORE: the non-atomic tables, one a line, sorted.
tables() {
  local file
  for file in "$1"/tables/*; do
    [[ -f ${file} ]] || continue
    file=${file##*/}
    [[ ${file} == _* ]] || printf '%s\n' "${file}"
  done
}

case ${action} in
  --setup)
    mapfile -t dropped < <(tables "${target_store}")
    printf 'dropping tables: [%s]\n' "${dropped[*]}"
    for table in "${dropped[@]}"; do rm -f "${target_store}/tables/${table}"; done
    rm -f "${target_store}/checkpoint"
    while IFS= read -r table; do
      : >"${target_store}/tables/${table}"
    done < <(tables "${source_store}")
    printf 'setup complete\n'
    ;;
  --migrate)
    copied=0
    touch "${target_store}/checkpoint"
    while IFS= read -r table; do
      target="${target_store}/tables/${table}"
      if [[ ! -f ${target} ]]; then
        printf 'ERROR: Migration failed.\nno table %s in the target KVS\n' "${table}"
        exit 1
      fi
      while IFS= read -r cell; do
        row=${cell%%=*}
        [[ ${ATLAS_SKIP_CELL-} == "${table}/${row}" ]] && continue
        grep -qxF -- "${table} ${row}" "${target_store}/checkpoint" && continue
        if [[ -n ${ATLAS_FAIL_AFTER_CELLS-} ]] && ((copied == ATLAS_FAIL_AFTER_CELLS)); then
          printf 'ERROR: Migration failed.\nconnection lost after %s cells\n' "${copied}"
          exit 1
        fi
        { grep -v -- "^${row}=" "${target}" || true; printf '%s\n' "${cell}"; } | sort >"${target}.new"
        mv "${target}.new" "${target}"
        printf '%s %s\n' "${table}" "${row}" >>"${target_store}/writes.log"
        printf '%s %s\n' "${table}" "${row}" >>"${target_store}/checkpoint"
        copied=$((copied + 1))
      done <"${source_store}/tables/${table}"
    done < <(tables "${source_store}")
    rm -f "${target_store}/checkpoint"
    printf 'INFO: Migration complete.\n'
    ;;
  --validate)

    while IFS= read -r table; do
      [[ ${table} == sweep.priority ]] && continue
      if ! cmp -s -- "${source_store}/tables/${table}" "${target_store}/tables/${table}"; then

        printf 'ERROR: Validation failed.\nCells not equal in table %s\n' "${table}"
        break
      fi
      printf 'INFO: Validated table %s\n' "${table}"
    done < <(tables "${source_store}")
    ;;
  *)
    printf 'At least one of --setup, --migrate, or --validate should be specified.\n'
    exit 1
    ;;
esac
finish 0
