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
#
# As the tool does at faed13b: a profile is read from $HOME/.databrickscfg
# (parser.py 59-70) and an Azure or GCP host without --azure or --gcp is a
# ValueError before anything is done (export_db.py 20-25, import_db.py
# 17-22, migration_pipeline.py 29-37); the import pipeline asks
# "Import from ... into ...? (y/N)" on standard input unless --no-prompt
# (130-137), and EOF there is an EOFError; --last-session is not an
# import_db.py option (parser.py 560-561 is the pipeline's parser), so it is
# argparse's exit 2. The step-by-step 2.0 objects: secrets (`scope key
# value` lines, exported base64, SecretsClient.py 20-56; without
# --cluster-name the export does nothing and exits 0, export_db.py 187-190),
# MLflow experiments and runs (names unique; a second import without
# --use-checkpoint fails, with it a done object is skipped; runs need
# --src-profile, import_db.py 270), table ACLs, group and top-level exports,
# the paused job names (`paused`: every imported job is paused,
# JobsClient.py 52-68 @ 1930985; --pause-all-jobs / --unpause-all-jobs;
# --import-pause-status needs jobs.log and job_id_map.log in the session's
# export dir, JobsClient.py 284-301), and repair.log (--get-repair-log
# repairs only what --metastore --repair-metastore-tables reported,
# HiveClient.py 583-635).
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
profile=DEFAULT dir=logs session='' checkpoint=0 old_account='' new_account='' cloud=aws
no_prompt=0 cluster='' groups='' src_profile='' repair=0 source_session='' target_session=''
actions=()
while (($#)); do
  case $1 in
    --profile) profile=$2; shift ;;
    --src-profile) src_profile=$2; shift ;;
    --set-export-dir) dir=$2; shift ;;
    --session) session=$2; shift ;;
    --use-checkpoint) checkpoint=1 ;;
    --azure) cloud=azure ;;
    --gcp) cloud=gcp ;;
    --no-prompt) no_prompt=1 ;;
    --cluster-name) cluster=$2; shift ;;
    --repair-metastore-tables) repair=1 ;;
    --validate-source-session) source_session=$2; shift ;;
    --validate-destination-session) target_session=$2; shift ;;
    --num-parallel | --retry-total | --retry-backoff | --database | --start-date) shift ;;
    --old-account-id) old_account=$2; shift ;;
    --update-account-id) new_account=$2; actions+=(--update-account-id); shift ;;
    --export-groups) groups=$2; actions+=(--export-groups); shift ;;
    --last-session)
      [[ ${script} == migration_pipeline.py ]] || { printf '%s: error: unrecognized arguments: %s\n' "${script}" "$*" >&2; exit 2; }
      shift
      ;;
    --no-ssl-verification | --skip-failed | --archive-missing) ;;
    --*) actions+=("$1") ;;
    *) fail "unknown argument $1" ;;
  esac
  shift
done
[[ -n ${session} ]] && dir="${dir}/${session}"

# validate: the validation pipeline's diff of two sessions, into the
# validation session's folder; it never fails on a difference.
validate() {
  local base=${dir%/"${session}"}
  (cd "${base}" && diff -r "${source_session}" "${target_session}") >"${dir}/diff.log" 2>&1 || true
}

# host PROFILE: the profile's host in ~/.databrickscfg, or a failure.
host() {
  local url
  url=$(awk -v p="[$1]" '$0 == p { found = 1; next } /^\[/ { found = 0 } found && $1 == "host" { print $3 }' "${HOME}/.databrickscfg" 2>/dev/null)
  [[ -n ${url} ]] || fail "KeyError: profile $1 is not in ~/.databrickscfg"
  printf '%s\n' "${url}"
}
if [[ ${actions[*]} != --validate-pipeline ]]; then
  url=$(host "${profile}") || exit 1
  if [[ ${url} == *azuredatabricks.net* && ${cloud} != azure ]]; then
    fail "ValueError: Login credentials do not match args. Please provide --azure flag for azure environments."
  fi
  if [[ ${url} == *gcp.databricks.com* && ${cloud} != gcp ]]; then
    fail "ValueError: Login credentials do not match args. Please provide --gcp flag for gcp environments."
  fi
fi
mkdir -p "${dir}"
if [[ ${actions[*]} == --validate-pipeline ]]; then
  validate
  finish 0
fi
workspace="${STUB_DIR}/ws/${profile}"
[[ -d ${workspace} ]] || fail "no profile ${profile} in ~/.databrickscfg"
for file in users groups clusters notebooks acls metastore jobs paused secrets experiments runs table_acls; do touch "${workspace}/${file}"; done

# checkpointed OBJECT_KIND NAME: with --use-checkpoint, whether NAME was
# done, as the tool's checkpoint files say.
checkpointed() {
  ((checkpoint)) || return 1
  mkdir -p "${dir}/checkpoint"
  touch "${dir}/checkpoint/$1"
  grep -qxF -- "$2" "${dir}/checkpoint/$1"
}
checkpoint_done() {
  ((checkpoint)) || return 0
  printf '%s\n' "$2" >>"${dir}/checkpoint/$1"
}

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
    jobs)
      while read -r _ job_name; do printf '%s\n' "${job_name}"; done <"${workspace}/jobs" >"${dir}/jobs.log"
      cp "${workspace}/paused" "${dir}/jobs_paused.log"
      ;;
    metastore)
      cp "${workspace}/metastore" "${dir}/metastore.log"
      mkdir -p "${dir}/metastore"
      cp "${workspace}/metastore" "${dir}/metastore/tables"
      ;;
    table-acls) cp "${workspace}/table_acls" "${dir}/table_acls.log" ;;
    secrets)
      if [[ -z ${cluster} ]]; then
        printf 'Please provide an existing cluster name w/ --cluster-name option\n'
        return 0
      fi
      mkdir -p "${dir}/secret_scopes"
      local scope key value
      while read -r scope key value; do
        printf '{"name": "%s", "value": "%s"}\n' "${key}" "$(printf '%s' "${value}" | base64)"
      done <"${workspace}/secrets" >"${dir}/secret_scopes/all"
      ;;
    mlflow-experiments) cp "${workspace}/experiments" "${dir}/mlflow_experiments.log" ;;
    mlflow-experiments-permissions)
      [[ -f "${dir}/mlflow_experiments.log" ]] || fail "no mlflow_experiments.log: export the experiments first"
      sed 's/$/ CAN_MANAGE/' "${dir}/mlflow_experiments.log" >"${dir}/mlflow_experiments_acls.log"
      ;;
    mlflow-runs)
      [[ -f "${dir}/mlflow_experiments.log" ]] || fail "no mlflow_experiments.log: export the experiments first"
      cp "${workspace}/runs" "${dir}/mlflow_runs.db"
      ;;
    export-groups)
      mkdir -p "${dir}/groups"
      tr ',' '\n' <<<"${groups}" >"${dir}/groups/selected"
      ;;
    workspace-top-level-only)
      mkdir -p "${dir}/artifacts"
      grep -v '^/Users/' "${workspace}/notebooks" >"${dir}/artifacts/top_level" || true
      cp "${dir}/artifacts/top_level" "${dir}/user_workspace.log"
      ;;
    pause-all-jobs) while read -r _ job_name; do add_missing "${workspace}/paused" "${job_name}" "${workspace}" paused; done <"${workspace}/jobs" ;;
    reset-exports)
      printf 'This will delete all the exported data. Are you sure? [yes/no]: '
      read -r answer || fail "EOFError: EOF when reading a line"
      [[ ${answer} == yes ]] && rm -rf "${dir}"
      ;;
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
      : >"${dir}/job_id_map.log"
      while IFS= read -r line; do
        if [[ -n ${2-} ]]; then
          touch "$2"
          grep -qxF -- "${line}" "$2" && continue
        fi
        create_job "${workspace}" "${line}"
        add_missing "${workspace}/paused" "${line}" "${workspace}" paused
        printf '%s\n' "${line}" >>"${dir}/job_id_map.log"
        [[ -z ${2-} ]] || printf '%s\n' "${line}" >>"$2"
      done <"${log}"
      ;;
    metastore)
      while IFS= read -r line; do add_missing "${workspace}/metastore" "${line}" "${workspace}" table; done <"${log}"
      ((repair)) && cp "${log}" "${dir}/repair_tables.log" && cp "${log}" "${workspace}/repaired"
      ;;
    get-repair-log)
      if [[ -f "${dir}/repair_tables.log" ]]; then cp "${dir}/repair_tables.log" "${workspace}/repaired"; else printf 'No tables to repair\n'; fi
      ;;
    table-acls) cp "${dir}/table_acls.log" "${workspace}/table_acls" ;;
    secrets)
      [[ -f "${dir}/secret_scopes/all" ]] || return 0
      local key value
      : >"${workspace}/secrets.new"
      while read -r _ key _ value; do
        key=${key#\"} key=${key%\",} value=${value#\"} value=${value%\"\}}
        printf 'all %s %s\n' "${key}" "$(printf '%s' "${value}" | base64 -d)" >>"${workspace}/secrets.new"
      done <"${dir}/secret_scopes/all"
      mv "${workspace}/secrets.new" "${workspace}/secrets"
      ;;
    mlflow-experiments)
      : >>"${dir}/mlflow_experiments_id_map.log"
      while IFS= read -r line; do
        checkpointed experiments "${line}" && continue
        if grep -qxF -- "${line}" "${workspace}/experiments"; then fail "RESOURCE_ALREADY_EXISTS: experiment ${line}; MLflow Runs Import failed"; fi
        add_missing "${workspace}/experiments" "${line}" "${workspace}" experiment
        printf '%s\n' "${line}" >>"${dir}/mlflow_experiments_id_map.log"
        checkpoint_done experiments "${line}"
      done <"${dir}/mlflow_experiments.log"
      ;;
    mlflow-experiments-permissions)
      [[ -s "${dir}/mlflow_experiments_id_map.log" ]] || fail "no mlflow_experiments_id_map.log: import the experiments first"
      cp "${dir}/mlflow_experiments_acls.log" "${workspace}/experiment_acls"
      ;;
    mlflow-runs)
      [[ -n ${src_profile} ]] || fail "AssertionError: Import MLflow runs requires --src-profile flag."
      [[ -s "${dir}/mlflow_experiments_id_map.log" ]] || fail "no mlflow_experiments_id_map.log: import the experiments first"
      while IFS= read -r line; do
        checkpointed runs "${line}" && continue
        printf '%s\n' "${line}" >>"${workspace}/runs"
        printf 'run %s\n' "${line}" >>"${workspace}/created.log"
        checkpoint_done runs "${line}"
      done <"${dir}/mlflow_runs.db"
      ;;
    import-groups)
      while IFS= read -r line; do add_missing "${workspace}/groups" "${line}" "${workspace}" group; done <"${dir}/groups/selected"
      ;;
    workspace-top-level)
      while IFS= read -r line; do add_missing "${workspace}/notebooks" "${line}" "${workspace}" notebook; done <"${dir}/artifacts/top_level"
      ;;
    unpause-all-jobs) : >"${workspace}/paused" ;;
    import-pause-status)
      [[ -f "${dir}/jobs.log" && -f "${dir}/job_id_map.log" ]] || fail "ValueError: Jobs log and jobs id map must exist to map existing job ids to new job ids"
      while IFS= read -r line; do grep -qxF -- "${line}" "${dir}/job_id_map.log" || fail "KeyError: '${line}'"; done <"${dir}/jobs.log"
      cp "${dir}/jobs_paused.log" "${workspace}/paused"
      ;;
    delete-all-jobs)
      printf 'Please confirm that you would like to delete jobs [yes/no]:'
      read -r answer || fail "EOFError: EOF when reading a line"
      [[ ${answer} == yes ]] && : >"${workspace}/jobs"
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
  [[ $1 == export ]] && printf '%s\n' "${url}" >"${dir}/source_info.txt"
  return 0
}

# prompt: the import pipeline's question, unless --no-prompt.
prompt() {
  ((no_prompt)) && return 0
  local answer source_url
  read -r source_url <"${dir}/source_info.txt" || fail "FileNotFoundError: ${dir}/source_info.txt"
  printf 'Import from `%s` into `%s`? (y/N) ' "${source_url}" "${url}"
  read -r answer || fail "EOFError: EOF when reading a line"
  [[ ${answer,,} == y || ${answer,,} == yes ]] || fail "RuntimeError: User aborted import pipeline. Exiting.."
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
    migration_pipeline.py:--import-pipeline) prompt && pipeline import ;;
    migration_pipeline.py:--validate-pipeline) validate ;;
    *) fail "unknown action ${action} of ${script}" ;;
  esac
done
finish 0
