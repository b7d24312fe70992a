#!/usr/bin/env bash
# An emulated CML workspace behind `kubectl`, installed as the emulator of
# stub.bash (see its header). It keeps the workspace's state under
# $STUB_DIR/cluster, so that a step run twice is observable:
#
#   namespace            the workspace's namespace; any other is not found
#   deployments/NAME     a deployment's replicas
#   db.replicas          the db statefulset's replicas (db-0 exists at 1)
#   helper.exists        the helper pod cml-migration-pod exists
#   jobs/NAME            a job's manifest (every job here has completed)
#   migrations.sql       what the db-migrations job runs when applied
#   pods/db-0/           db-0's own files (/tmp)
#   pods/helper/         the helper pod's files (/migration); its two volumes,
#                        migration/projects and migration/db-versioned, outlive
#                        the pod; db-0 mounts the second at /data-versioned
#   postgres.env         PGHOST, PGPORT, PGDATABASE of the real PostgreSQL
#                        database that stands for the workspace's database,
#                        and PG_BINDIR, where its psql is
#
# `kubectl exec db-0 -- CMD` runs CMD (psql, bash -c 'psql ...', rm) on this
# machine against that database, its pod paths mapped into pods/db-0, and
# `kubectl exec cml-migration-pod -- CMD` runs CMD with its paths mapped into
# pods/helper: the real psql, tar, cp, find and sh do the work. Calls without
# a namespace (the CDSW host's, during the export) are left to the rules
# (exit 125).
set -uo pipefail
cluster="${STUB_DIR:?}/cluster"
# shellcheck source=/dev/null
source "${cluster}/postgres.env"
export PATH="${PG_BINDIR:?}:/usr/local/bin:/usr/bin:/bin"
export PGHOST PGPORT PGDATABASE PGUSER=sense
workspace_namespace=$(<"${cluster}/namespace")

namespace=""
words=()
command_words=()
while (($# > 0)); do
  case $1 in
    -n | --namespace) namespace=${2-}; shift 2 ;;
    --namespace=*) namespace=${1#*=}; shift ;;
    --) shift; command_words=("$@"); break ;;
    *) words+=("$1"); shift ;;
  esac
done
set -- "${words[@]}"

# A manifest names its namespace itself.
if [[ ${1-} == apply && -z ${namespace} && ${2-} == -f && -f ${3-} ]]; then
  namespace=$(awk '/^  namespace:/ { print $2; exit }' "$3")
fi
# A call of the CDSW host (no namespace, no namespaced pod path): the rules'.
if [[ -z ${namespace} && ! (${1-} == cp && " ${*:2} " == *" ${workspace_namespace}/"*) ]]; then
  exit 125
fi
if [[ -n ${namespace} && ${namespace} != "${workspace_namespace}" ]]; then
  printf 'Error from server (NotFound): namespaces "%s" not found\n' "${namespace}" >&2
  exit 1
fi

db_up() { [[ $(<"${cluster}/db.replicas") == 1 ]]; }
helper_up() { [[ -e ${cluster}/helper.exists ]]; }

# pod_exists NAME: whether the pod is running.
pod_exists() {
  case $1 in
    db-0) db_up ;;
    cml-migration-pod) helper_up ;;
    *) return 1 ;;
  esac
}

# ignore_not_found NAME: fails as not found unless --ignore-not-found was given.
ignore_not_found() {
  [[ " ${words[*]} " == *" --ignore-not-found "* ]] || not_found "$1"
}

not_found() {
  printf 'Error from server (NotFound): pods "%s" not found\n' "$1" >&2
  exit 1
}

# mapped POD TEXT: TEXT with the pod's paths replaced by where they live here.
mapped() {
  local text=$2
  case $1 in
    db-0)
      text=${text//\/tmp\//${cluster}/pods/db-0/tmp/}
      text=${text//\/data-versioned/${cluster}/pods/helper/migration/db-versioned}
      ;;
    cml-migration-pod) text=${text//\/migration/${cluster}/pods/helper/migration} ;;
  esac
  printf '%s' "${text}"
}

# The pod names `get pods -o name` lists: a pod per scaled-up deployment.
list_pods() {
  local file
  for file in "${cluster}"/deployments/*; do
    (($(<"${file}") > 0)) && printf 'pod/%s-5d9f7\n' "${file##*/}"
  done
  db_up && printf 'pod/db-0\n'
  helper_up && printf 'pod/cml-migration-pod\n'
  return 0
}

# remove_helper: deletes the helper pod; its volumes stay.
remove_helper() {
  rm -f "${cluster}/helper.exists"
  find "${cluster}/pods/helper" -mindepth 1 -maxdepth 1 ! -name migration -exec rm -rf {} +
  find "${cluster}/pods/helper/migration" -mindepth 1 -maxdepth 1 \
    ! -name projects ! -name db-versioned -exec rm -rf {} +
}

case ${1-} in
  get)
    case ${2-} in
      deployment)
        [[ -f ${cluster}/deployments/${3-} ]] || {
          printf 'Error from server (NotFound): deployments.apps "%s" not found\n' "${3-}" >&2
          exit 1
        }
        printf '%s\n' "$(<"${cluster}/deployments/$3")"
        ;;
      pods) list_pods ;;
      pod)
        if [[ -n ${3-} && ${3} != -* ]]; then
          pod_exists "$3" && printf 'pod/%s\n' "$3"
          [[ " $* " == *" --ignore-not-found "* ]] || pod_exists "$3" || not_found "$3"
        else
          list_pods
        fi
        ;;
      jobs)
        printf 'NAME COMPLETIONS\n'
        for file in "${cluster}"/jobs/*; do
          if [[ -f ${file} ]]; then printf '%s 1/1\n' "${file##*/}"; fi
        done
        ;;
      job)
        [[ -f ${cluster}/jobs/${3-} ]] || {
          printf 'Error from server (NotFound): jobs.batch "%s" not found\n' "${3-}" >&2
          exit 1
        }
        printf '%s\n' "$(<"${cluster}/jobs/$3")"
        ;;
      *) exit 125 ;;
    esac
    ;;
  scale)
    replicas=""
    for word in "$@"; do [[ ${word} == --replicas=* ]] && replicas=${word#--replicas=}; done
    case ${2-} in
      deployment)
        [[ -f ${cluster}/deployments/${3-} ]] || exit 1
        printf '%s\n' "${replicas}" >"${cluster}/deployments/$3"
        ;;
      statefulset)
        [[ ${3-} == db ]] || exit 1
        printf '%s\n' "${replicas}" >"${cluster}/db.replicas"
        ;;
      *) exit 1 ;;
    esac
    printf '%s.apps/%s scaled\n' "$2" "$3"
    ;;
  wait)
    for word in "$@"; do
      case ${word} in
        pod/*) pod_exists "${word#pod/}" || { echo 'error: timed out waiting for the condition' >&2; exit 1; } ;;
        job/*) [[ -f ${cluster}/jobs/${word#job/} ]] || { echo 'error: no matching resources found' >&2; exit 1; } ;;
        deployment/*) (($(<"${cluster}/deployments/${word#deployment/}") > 0)) || exit 1 ;;
      esac
    done
    ;;
  apply)
    file=""
    for ((i = 2; i <= $#; i++)); do [[ ${!i} == -f ]] && { next=$((i + 1)); file=${!next}; }; done
    [[ -f ${file} ]] || { printf 'error: the path "%s" does not exist\n' "${file}" >&2; exit 1; }
    if grep -q '^kind: Pod' "${file}"; then
      mkdir -p "${cluster}/pods/helper/migration/projects" "${cluster}/pods/helper/migration/db-versioned"
      : >"${cluster}/helper.exists"
      echo 'pod/cml-migration-pod created'
    elif grep -q '^kind: Job' "${file}"; then
      name=$(awk '/^  name:/ { print $2; exit }' "${file}")
      if grep -q '^  resourceVersion:\|^  uid:\|controller-uid' "${file}"; then
        echo 'The Job is invalid: metadata.resourceVersion: Invalid value: must be empty on create' >&2
        exit 1
      fi
      [[ -f ${cluster}/jobs/${name} ]] && { printf 'job.batch/%s unchanged\n' "${name}"; exit 0; }
      db_up || { echo 'db-migrations: cannot reach the database' >&2; exit 1; }
      psql -X -q -v ON_ERROR_STOP=1 -f "${cluster}/migrations.sql" >/dev/null || exit 1
      cp "${file}" "${cluster}/jobs/${name}"
      printf 'job.batch/%s created\n' "${name}"
    else
      exit 1
    fi
    ;;
  delete)
    case ${2-} in
      pod)
        case ${3-} in
          cml-migration-pod | db-0) pod_exists "$3" || ignore_not_found "$3" ;;
          *) ignore_not_found "${3-}" ;;
        esac
        if [[ ${3-} == cml-migration-pod ]] && helper_up; then remove_helper; fi
        ;;
      job)
        if [[ -f ${cluster}/jobs/${3-} ]]; then
          rm -f "${cluster}/jobs/$3"
        else
          ignore_not_found "${3-}"
        fi
        ;;
      *) exit 1 ;;
    esac
    ;;
  exec)
    pod=""
    for word in "${@:2}"; do [[ ${word} != -* ]] && { pod=${word}; break; }; done
    pod_exists "${pod}" || not_found "${pod}"
    arguments=()
    for word in "${command_words[@]}"; do arguments+=("$(mapped "${pod}" "${word}")"); done
    # What `exec -i` passes on (SQL naming pod paths) is mapped the same way.
    input=""
    IFS= read -r -d '' input || true
    input=$(mapped "${pod}" "${input}")
    if [[ ${pod} == db-0 ]]; then
      # Roles belong to the server, which every test's database shares: two
      # tests' `ALTER USER sense` at once fail with "tuple concurrently
      # updated", so db-0's commands take turns across tests.
      POSTGRES_PASSWORD=workspace-password flock "${PGHOST%/*}/db-0.lock" \
        "${arguments[@]}" <<<"${input}"
    else
      "${arguments[@]}" <<<"${input}"
    fi
    ;;
  cp)
    from=$2
    to=$3
    if [[ ${from} == *:* ]]; then remote=${from}; else remote=${to}; fi
    spec=${remote%%:*}
    pod=${spec#*/}
    [[ ${spec%%/*} == "${workspace_namespace}" ]] || exit 1
    pod_exists "${pod}" || not_found "${pod}"
    if [[ ${from} == *:* ]]; then
      cp "$(mapped "${pod}" "${from#*:}")" "${to}"
    else
      target=$(mapped "${pod}" "${to#*:}")
      cp "${from}" "${target}" && chmod a+r "${target}"
    fi
    ;;
  *) exit 125 ;;
esac
