#!/usr/bin/env bash
# A stand-in for the databrickslabs/migrate tool (run as `python3 SCRIPT
# ARGS`: export_db.py, import_db.py, migration_pipeline.py, setup.py) and
# for the Databricks CLI (`databricks jobs list|delete`), keeping each
# workspace as files, so that a re-run's effect can be seen. It records each
# call as stub.bash does ($STUB_DIR/calls.log, steps.log, args/N, the shared
# call counter) and honours STUB_FAIL_AT and STUB_FAIL_AFTER the same way.
#
# The workspace of profile P is $STUB_DIR/ws/P/: users, groups, clusters,
# notebooks, acls, metastore (one object a line) and jobs (`ID NAME` lines;
# ids from jobs.next). created.log gets a line per object an import creates.
# An export writes EXPORT_DIR (the --set-export-dir, joined with --session
# for the pipeline) as the tool does: users.log, groups.log, clusters.log,
# user_workspace.log, artifacts/notebooks (after user_workspace.log),
# acl_notebooks.log (after it too), jobs.log, metastore.log. An import
# creates what is missing, as the tool does at databrickslabs/migrate
# 1930985 (users and groups: the workspace's SCIM names are unique; clusters:
# skipped by name, ClustersClient.py 181-189; notebooks: an existing path
# fails the import of that one; ACLs and the metastore: set again), except
# jobs: every job of jobs.log is created again, as /jobs/create is called for
# each (JobsClient.py 52-86). The pipeline (faed13b) runs its tasks in order
# and, with --use-checkpoint, skips a task found in
# checkpoint/completed_pipeline_steps.log and a job found in
# checkpoint/import_jobs.log (pipeline/pipeline.py 67-81, JobsClient.py
# 203-204, 249-255); without it, it too creates every job again.
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
fail() {
  printf '%s: %s\n' "${name}" "$*" >&2
  exit 1
}

# add_missing FILE OBJECT WORKSPACE KIND: appends OBJECT unless it is there.
add_missing() {
  touch "$1"
  grep -qxF -- "$2" "$1" && return 0
  printf '%s\n' "$2" >>"$1"
  printf '%s %s\n' "$4" "$2" >>"$3/created.log"
}

# create_job WORKSPACE NAME: a new job, with a new id, whatever is there.
create_job() {
  local next=1
  [[ -f "$1/jobs.next" ]] && read -r next <"$1/jobs.next"
  printf '%s %s\n' "${next}" "$2" >>"$1/jobs"
  printf '%s\n' "$((next + 1))" >"$1/jobs.next"
  printf 'job %s\n' "$2" >>"$1/created.log"
}

if [[ ${name} == databricks ]]; then
  profile=DEFAULT command="$1 ${2-}" job=''
  shift 2
  while (($#)); do
    case $1 in
      --profile) profile=$2; shift ;;
      --job-id) job=$2; shift ;;
      *) fail "unknown argument $1" ;;
    esac
    shift
  done
  workspace="${STUB_DIR}/ws/${profile}"
  [[ -d ${workspace} ]] || fail "no profile ${profile}"
  touch "${workspace}/jobs"
  case ${command} in
    "jobs list") while read -r id job_name; do printf '%-8s %s\n' "${id}" "${job_name}"; done <"${workspace}/jobs" ;;
    "jobs delete")
      grep -q -- "^${job} " "${workspace}/jobs" || fail "job ${job} does not exist"
      grep -v -- "^${job} " "${workspace}/jobs" >"${workspace}/jobs.new" || true
      mv "${workspace}/jobs.new" "${workspace}/jobs"
      printf 'deleted job %s\n' "${job}" >>"${workspace}/created.log"
      ;;
    *) fail "unknown command ${command}" ;;
  esac
  finish 0
fi

script=${1##*/}
shift
if [[ ${script} == setup.py ]]; then finish 0; fi
profile=DEFAULT dir=logs session='' checkpoint=0 old_account='' new_account=''
actions=()
while (($#)); do
  case $1 in
    --profile) profile=$2; shift ;;
    --set-export-dir) dir=$2; shift ;;
    --session) session=$2; shift ;;
    --use-checkpoint) checkpoint=1 ;;
    --num-parallel | --retry-total | --retry-backoff | --cluster-name | --database) shift ;;
    --old-account-id) old_account=$2; shift ;;
    --update-account-id) new_account=$2; actions+=(--update-account-id); shift ;;
    --no-ssl-verification | --skip-failed | --archive-missing) ;;
    --*) actions+=("$1") ;;
    *) fail "unknown argument $1" ;;
  esac
  shift
done
[[ -n ${session} ]] && dir="${dir}/${session}"
workspace="${STUB_DIR}/ws/${profile}"
[[ -d ${workspace} ]] || fail "no profile ${profile} in ~/.databrickscfg"
mkdir -p "${dir}"
for file in users groups clusters notebooks acls metastore jobs; do touch "${workspace}/${file}"; done

# export OBJECTS: writes the export of the workspace's OBJECTS.
export_objects() {
  case $1 in
    users)
      cp "${workspace}/users" "${dir}/users.log"
      cp "${workspace}/groups" "${dir}/groups.log"
      ;;
    clusters) cp "${workspace}/clusters" "${dir}/clusters.log" ;;
    workspace) cp "${workspace}/notebooks" "${dir}/user_workspace.log" ;;
    download)
      [[ -f "${dir}/user_workspace.log" ]] || fail "no ${dir}/user_workspace.log: export the workspace first"
      mkdir -p "${dir}/artifacts"
      cp "${dir}/user_workspace.log" "${dir}/artifacts/notebooks"
      ;;
    workspace-acls)
      [[ -f "${dir}/user_workspace.log" ]] || fail "no ${dir}/user_workspace.log: export the workspace first"
      cp "${workspace}/acls" "${dir}/acl_notebooks.log"
      ;;
    jobs) while read -r _ job_name; do printf '%s\n' "${job_name}"; done <"${workspace}/jobs" >"${dir}/jobs.log" ;;
    metastore) cp "${workspace}/metastore" "${dir}/metastore.log" ;;
    *) fail "unknown export $1" ;;
  esac
}

# import OBJECTS [CHECKPOINT]: creates the exported OBJECTS that are missing
# (every job, but those in the job checkpoint file CHECKPOINT).
import_objects() {
  local line
  local log="${dir}/$1.log"
  case $1 in
    users)
      [[ -f ${log} ]] || fail "no ${log}"
      while IFS= read -r line; do add_missing "${workspace}/users" "${line}" "${workspace}" user; done <"${log}"
      while IFS= read -r line; do add_missing "${workspace}/groups" "${line}" "${workspace}" group; done <"${dir}/groups.log"
      ;;
    clusters)
      [[ -f ${log} ]] || return 0
      while IFS= read -r line; do add_missing "${workspace}/clusters" "${line}" "${workspace}" cluster; done <"${log}"
      ;;
    workspace)
      [[ -s "${workspace}/users" ]] || fail "the target workspace has no users: import them first"
      while IFS= read -r line; do add_missing "${workspace}/notebooks" "${line}" "${workspace}" notebook; done <"${dir}/artifacts/notebooks"
      ;;
    workspace-acls) cp "${dir}/acl_notebooks.log" "${workspace}/acls" ;;
    jobs)
      [[ -f ${log} ]] || return 0
      while IFS= read -r line; do
        if [[ -n ${2-} ]]; then
          touch "$2"
          grep -qxF -- "${line}" "$2" && continue
        fi
        create_job "${workspace}" "${line}"
        [[ -z ${2-} ]] || printf '%s\n' "${line}" >>"$2"
      done <"${log}"
      ;;
    metastore)
      while IFS= read -r line; do add_missing "${workspace}/metastore" "${line}" "${workspace}" table; done <"${log}"
      ;;
    *) fail "unknown import $1" ;;
  esac
}

# pipeline export|import: every task in order, skipping completed ones.
pipeline() {
  local task done_file="${dir}/checkpoint/completed_pipeline_steps.log" jobs_checkpoint=''
  mkdir -p "${dir}/checkpoint"
  touch "${done_file}"
  ((checkpoint)) && jobs_checkpoint="${dir}/checkpoint/import_jobs.log"
  for task in users clusters workspace download workspace-acls jobs metastore; do
    if ((checkpoint)) && grep -qxF -- "$1_${task}" "${done_file}"; then continue; fi
    if [[ $1 == export ]]; then
      export_objects "${task}"
    elif [[ ${task} != download ]]; then
      import_objects "${task}" ${jobs_checkpoint:+"${jobs_checkpoint}"}
    fi
    ((checkpoint)) && printf '%s\n' "$1_${task}" >>"${done_file}"
  done
  [[ $1 == export ]] && printf '%s\n' "${profile}" >"${dir}/source_info.txt"
  return 0
}

for action in "${actions[@]}"; do
  case ${script}:${action} in
    export_db.py:--update-account-id)
      for file in "${dir}"/*.log; do
        [[ -f ${file} ]] || continue
        while IFS= read -r line; do printf '%s\n' "${line//"${old_account}"/"${new_account}"}"; done <"${file}" >"${file}.new"
        mv "${file}.new" "${file}"
      done
      ;;
    export_db.py:--*) export_objects "${action#--}" ;;
    import_db.py:--*) import_objects "${action#--}" ;;
    migration_pipeline.py:--export-pipeline) pipeline export ;;
    migration_pipeline.py:--import-pipeline) pipeline import ;;
    *) fail "unknown action ${action} of ${script}" ;;
  esac
done
finish 0
