#!/usr/bin/env bash
# A stateful double of the tools a Pachyderm migration runs: pachctl,
# kubectl, aws, jq and sleep, linked under each name. It records every call
# exactly as stub.bash does (calls.log with %q-quoted arguments, steps.log
# with $MIGRATE_STEP_ID, args/N) and honours the same faults:
#   STUB_FAIL_AT=N     the N-th call of any stub fails before it acts;
#   STUB_FAIL_AFTER=N  the N-th call acts, then fails (its response lost);
# and, so that a fault can name a call whose place varies (xargs -P3 and
# the concurrent backup group run calls at the same time):
#   STUB_FAIL_CALL=LINE STUB_FAIL_NTH=K STUB_FAIL_FORM=before|after
#                      the K-th call recorded as LINE fails in that form;
#   STUB_SIGNAL_CALL=LINE STUB_SIGNAL_NTH=K STUB_SIGNAL=INT|TERM|KILL
#   STUB_SIGNAL_WHEN=before|after
#                      the K-th call recorded as LINE signals the script
#                      (signal.bash) before or after it acts.
#
# The emulated world lives under $STUB_DIR/emu (the tests write it):
#   kube/current                  kubectl's current context
#   kube/contexts/CTX             the Kubernetes cluster CTX reaches
#   pach/active                   pachctl's active context (PACH_CONTEXT wins)
#   pach/client                   the version of pachctl itself (1.9.5 when
#                                 absent); before 1.9.1 it has no `config`
#                                 commands, before 1.9.0 only the hyphenated
#                                 `list-pipeline`, `stop-pipeline`, ...
#   pach/contexts/CTX/target      K8S/NAMESPACE of the pachd CTX talks to
#   pach/contexts/CTX/address     HOST:PORT; pachd answers when PORT is
#                                 its service's nodePort and it has replicas
#   k8s/K8S/NS/                   one Pachyderm cluster: nodeport,
#     resourceversion, replicas, version, bucket, pipelines/NAME ("STATE
#     STOPPED TARGET LAG": the controller moves STATE to TARGET after LAG
#     more `list pipeline` calls), repos/NAME, events (every change, once)
#   s3/BUCKET/KEY                 object stores, buckets as folders
#   kube/switch-after-check       when present, the context it names becomes
#                                 kubectl's current one right after a
#                                 `config current-context` answered (another
#                                 terminal switched it after the check)
# EMU_RESTORE_STOP_AFTER=K makes `pachctl restore` apply K operations and
# then fail as a restore cut off in the middle; EMU_LIST_FAILS_AFTER=K makes
# every `pachctl list pipeline` after the K-th fail (pachd gone).
name=${0##*/}
emu="${STUB_DIR:?}/emu"

# lock/unlock: one call at a time changes the emulated world or the logs.
lock() {
  local tries=0
  until mkdir "${STUB_DIR}/double.lock" 2>/dev/null; do
    tries=$((tries + 1))
    ((tries < 3000)) || break
    read -r -t 0.01 <> <(:) || true
  done
}
unlock() { rmdir "${STUB_DIR}/double.lock" 2>/dev/null || true; }

lock
count=0
[[ -f "${STUB_DIR}/count" ]] && read -r count <"${STUB_DIR}/count"
count=$((count + 1))
printf '%s\n' "${count}" >"${STUB_DIR}/count"
printf -v quoted ' %q' "$@"
line="${name}${quoted}"
printf '%s\n' "${line}" >>"${STUB_DIR}/calls.log"
printf '%s\n' "${MIGRATE_STEP_ID-}" >>"${STUB_DIR}/steps.log"
if [[ -d "${STUB_DIR}/args" ]]; then
  printf '%s\0' "$@" >"${STUB_DIR}/args/${count}"
fi
fail_before=0 fail_after=0
[[ -n ${STUB_FAIL_AT-} && ${count} == "${STUB_FAIL_AT}" ]] && fail_before=1
[[ -n ${STUB_FAIL_AFTER-} && ${count} == "${STUB_FAIL_AFTER}" ]] && fail_after=1
if [[ -n ${STUB_FAIL_CALL-} && ${line} == "${STUB_FAIL_CALL}" ]]; then
  seen=0
  [[ -f "${STUB_DIR}/fail-seen" ]] && read -r seen <"${STUB_DIR}/fail-seen"
  seen=$((seen + 1))
  printf '%s\n' "${seen}" >"${STUB_DIR}/fail-seen"
  if ((seen == ${STUB_FAIL_NTH:-1})); then
    [[ ${STUB_FAIL_FORM-} == after ]] && fail_after=1 || fail_before=1
  fi
fi
signal_before=0 signal_after=0
if [[ -n ${STUB_SIGNAL_CALL-} && ${line} == "${STUB_SIGNAL_CALL}" ]]; then
  seen=0
  [[ -f "${STUB_DIR}/signal-seen" ]] && read -r seen <"${STUB_DIR}/signal-seen"
  seen=$((seen + 1))
  printf '%s\n' "${seen}" >"${STUB_DIR}/signal-seen"
  if ((seen == ${STUB_SIGNAL_NTH:-1})); then
    [[ ${STUB_SIGNAL_WHEN-} == after ]] && signal_after=1 || signal_before=1
  fi
fi
unlock
# shellcheck source=/dev/null
source "${STUB_DIR}/signal.bash"
((signal_before)) && send_signal

# Standard input is read before acting (outside the lock: the writer of a
# pipe may need the lock to finish).
input=''
reads_input=0
case "${name} ${1-}" in
  "jq "* | "pachctl restore") reads_input=1 ;;
esac
[[ ${name} == kubectl && " $* " == *" apply "* && " $* " == *" -f - "* ]] && reads_input=1
[[ ${name} == pachctl && ${1-} == restore && " $* " == *" --url "* ]] && reads_input=0
if ((reads_input)); then
  while IFS= read -r stdin_line || [[ -n ${stdin_line} ]]; do input+="${stdin_line}"$'\n'; done
  if [[ ${name} == kubectl ]]; then
    recorded=''
    while IFS= read -r stdin_line; do recorded+="  | ${stdin_line}"$'\n'; done <<<"${input%$'\n'}"
    lock
    printf '%s' "${recorded}" >>"${STUB_DIR}/calls.log"
    unlock
  fi
fi

if ((fail_before)); then
  printf 'stub: call %s fails on purpose\n' "${count}" >&2
  exit 1
fi

# finish STATUS: exits with STATUS, or 1 when this call is to fail after acting.
finish() {
  ((signal_after)) && send_signal
  if ((fail_after)); then
    printf 'stub: call %s acted, then fails on purpose\n' "${count}" >&2
    exit 1
  fi
  exit "$1"
}

die() {
  printf '%s\n' "$1" >&2
  exit "${2:-1}"
}

read_file() {
  local value=''
  [[ -f $1 ]] && IFS= read -r value <"$1"
  printf '%s' "${value}"
}

event() { printf '%s\n' "$2" >>"$1/events"; }

# service_json CLUSTER: pachd's service as `kubectl get svc/pachd -o json`
# prints it (pachd's ports as Pachyderm's deploy assets make them).
service_json() {
  local cluster=$1
  printf '%s\n' \
    '{' \
    '  "apiVersion": "v1",' \
    '  "kind": "Service",' \
    '  "metadata": {' \
    '    "labels": {"app": "pachd", "suite": "pachyderm"},' \
    '    "name": "pachd",' \
    "    \"namespace\": \"${cluster##*/}\"," \
    "    \"resourceVersion\": \"$(read_file "${cluster}/resourceversion")\"," \
    '    "uid": "5f0e3a2c-30650-4d1e-9c3b-0a1b2c3d4e5f"' \
    '  },' \
    '  "spec": {' \
    '    "ports": [' \
    "      {\"name\": \"api-grpc-port\", \"nodePort\": $(read_file "${cluster}/nodeport"), \"port\": 650, \"protocol\": \"TCP\", \"targetPort\": 650}," \
    '      {"name": "trace-port", "nodePort": 30651, "port": 651, "protocol": "TCP", "targetPort": 651},' \
    '      {"name": "api-http-port", "nodePort": 30652, "port": 652, "protocol": "TCP", "targetPort": 652},' \
    '      {"name": "s3gateway-port", "nodePort": 30600, "port": 600, "protocol": "TCP", "targetPort": 600}' \
    '    ],' \
    '    "selector": {"app": "pachd"},' \
    '    "type": "NodePort"' \
    '  }' \
    '}'
}

bump_version() {
  local version
  version=$(read_file "$1/resourceversion")
  printf '%s\n' "$((version + 1))" >"$1/resourceversion"
}

set_nodeport() {
  local cluster=$1 port=$2 old
  old=$(read_file "${cluster}/nodeport")
  [[ ${old} == "${port}" ]] && return 0
  printf '%s\n' "${port}" >"${cluster}/nodeport"
  bump_version "${cluster}"
  event "${cluster}" "service pachd nodePort ${old} -> ${port}"
}

run_kubectl() {
  local context='' namespace=default
  local -a words=()
  while (($# > 0)); do
    case $1 in
      --context) context=$2 && shift 2 ;;
      --context=*) context=${1#*=} && shift ;;
      --namespace | -n) namespace=$2 && shift 2 ;;
      --namespace=*) namespace=${1#*=} && shift ;;
      *) words+=("$1") && shift ;;
    esac
  done
  if [[ ${words[0]-} == config && ${words[1]-} == current-context ]]; then
    printf '%s\n' "$(read_file "${emu}/kube/current")"
    if [[ -f "${emu}/kube/switch-after-check" ]]; then
      mv -f "${emu}/kube/switch-after-check" "${emu}/kube/current"
    fi
    finish 0
  fi
  [[ -n ${context} ]] || context=$(read_file "${emu}/kube/current")
  [[ -f "${emu}/kube/contexts/${context}" ]] || die "error: context \"${context}\" does not exist"
  local cluster
  cluster="${emu}/k8s/$(read_file "${emu}/kube/contexts/${context}")/${namespace}"
  case "${words[0]-} ${words[1]-}" in
    "get svc/pachd")
      [[ -d ${cluster} ]] || die "Error from server (NotFound): services \"pachd\" not found"
      if [[ " ${words[*]} " == *" -o json "* ]]; then
        service_json "${cluster}"
      elif [[ " ${words[*]} " == *" -o jsonpath={.spec.ports[0].nodePort} "* ]]; then
        printf '%s' "$(read_file "${cluster}/nodeport")"
      else
        die "kubectl double: unsupported output: ${words[*]}" 3
      fi
      ;;
    "apply -f")
      local version port
      [[ ${input} =~ \"resourceVersion\":\ \"([0-9]+)\" ]] && version=${BASH_REMATCH[1]}
      [[ ${input} =~ \"api-grpc-port\",\ \"nodePort\":\ ([0-9]+) ]] && port=${BASH_REMATCH[1]}
      [[ -d ${cluster} ]] || die "Error from server (NotFound): namespaces \"${namespace}\" not found"
      if [[ ${version-} != "$(read_file "${cluster}/resourceversion")" ]]; then
        die "Error from server (Conflict): error when applying patch: Operation cannot be fulfilled on services \"pachd\": the object has been modified; please apply your changes to the latest version and try again"
      fi
      set_nodeport "${cluster}" "${port:?}"
      printf 'service/pachd configured\n'
      ;;
    "patch svc/pachd")
      [[ -d ${cluster} ]] || die "Error from server (NotFound): services \"pachd\" not found"
      local patch='' index
      for ((index = 0; index < ${#words[@]}; index++)); do
        [[ ${words[index]} == -p ]] && patch=${words[index + 1]}
        [[ ${words[index]} == -p=* || ${words[index]} == --patch=* ]] && patch=${words[index]#*=}
      done
      [[ " ${words[*]} " == *" --type=json "* ]] || die "kubectl double: only --type=json patches" 3
      local test_op='{"op": "test", "path": "/spec/ports/0/name", "value": "api-grpc-port"}'
      local replace='^\[\{"op": "test", "path": "/spec/ports/0/name", "value": "api-grpc-port"\}, \{"op": "replace", "path": "/spec/ports/0/nodePort", "value": ([0-9]+)\}\]$'
      [[ ${patch} =~ ${replace} ]] || die "kubectl double: unsupported patch (must start with ${test_op}): ${patch}" 3
      set_nodeport "${cluster}" "${BASH_REMATCH[1]}"
      printf 'service/pachd patched\n'
      ;;
    "scale deployment/pachd")
      [[ -d ${cluster} ]] || die "Error from server (NotFound): deployments.apps \"pachd\" not found"
      local replicas='' word old
      for word in "${words[@]}"; do [[ ${word} == --replicas=* ]] && replicas=${word#*=}; done
      old=$(read_file "${cluster}/replicas")
      if [[ ${old} != "${replicas:?}" ]]; then
        printf '%s\n' "${replicas}" >"${cluster}/replicas"
        event "${cluster}" "deployment pachd replicas ${old} -> ${replicas}"
      fi
      printf 'deployment.apps/pachd scaled\n'
      ;;
    *) die "kubectl double: unsupported command: ${words[*]}" 3 ;;
  esac
  finish 0
}

# pach_cluster: the cluster the active pachctl context reaches, or an error.
pach_context() {
  if [[ -n ${PACH_CONTEXT-} ]]; then
    printf '%s' "${PACH_CONTEXT}"
  else
    read_file "${emu}/pach/active"
  fi
}

pach_cluster() {
  local context address target cluster
  context=$(pach_context)
  [[ -d "${emu}/pach/contexts/${context}" ]] || die "context '${context}' does not exist"
  address=$(read_file "${emu}/pach/contexts/${context}/address")
  target=$(read_file "${emu}/pach/contexts/${context}/target")
  cluster="${emu}/k8s/${target}"
  if [[ ! -d ${cluster} || ${address##*:} != "$(read_file "${cluster}/nodeport")" || $(read_file "${cluster}/replicas") == 0 ]]; then
    die "context deadline exceeded: could not connect to pachd at ${address}"
  fi
  printf '%s' "${cluster}"
}

pipeline_json() {
  local file=$1 state stopped target lag json
  read -r state stopped target lag <"${file}"
  json="{\"pipeline\":{\"name\":\"${file##*/}\"}"
  # jsonpb without EmitDefaults: PIPELINE_STARTING (0) and stopped=false are left out.
  [[ ${state} == PIPELINE_STARTING ]] || json+=",\"state\":\"${state}\""
  [[ ${stopped} == 1 ]] && json+=',"stopped":true'
  printf '%s}\n' "${json}"
}

# pipeline_set FILE STATE STOPPED TARGET LAG
pipeline_set() { printf '%s %s %s %s\n' "${@:2}" >"$1"; }

# backup CLUSTER OBJECTS: what `pachctl extract` writes, with or without objects.
backup() {
  local cluster=$1 objects=$2 file
  for file in "${cluster}"/repos/*; do [[ -e ${file} ]] && printf 'repo %s\n' "${file##*/}"; done
  if ((objects)); then
    local bucket
    bucket="${emu}/s3/$(read_file "${cluster}/bucket")"
    for file in "${bucket}"/*; do [[ -e ${file} ]] && printf 'object %s\n' "${file##*/}"; done
  fi
  for file in "${cluster}"/pipelines/*; do [[ -e ${file} ]] && printf 'pipeline %s\n' "${file##*/}"; done
}

s3_path() {
  [[ $1 =~ ^s3://([^/]+)/(.+)$ ]] || die "URL must be <svc>://<bucket>/<object> (no object in $1)"
  printf '%s/s3/%s/%s' "${emu}" "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
}

# client_at_least MAJOR MINOR MICRO: this pachctl is that version or later.
client_at_least() {
  local client major minor micro
  client=$(read_file "${emu}/pach/client")
  [[ ${client:=1.9.5} =~ ^([0-9]+)\.([0-9]+)\.([0-9]+) ]] || die "pachctl double: bad client version ${client}" 3
  major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]} micro=${BASH_REMATCH[3]}
  ((major != $1 ? major > $1 : minor != $2 ? minor > $2 : micro >= $3))
}

run_pachctl() {
  local cluster client
  client=$(read_file "${emu}/pach/client")
  client=${client:-1.9.5}
  # The commands older clients lack (src/server/config first in v1.9.1;
  # the spaced aliases first in v1.9.0).
  if [[ $1 == config ]] && ! client_at_least 1 9 1; then
    die "unknown command \"config\" for \"pachctl\""
  fi
  if [[ $1 == list || $1 == stop || $1 == start ]] && ! client_at_least 1 9 0; then
    die "unknown command \"$1\" for \"pachctl\""
  fi
  case "$*" in
    "version --client-only")
      printf '%s\n' "${client}"
      ;;
    "config get active-context")
      printf '%s\n' "$(pach_context)"
      ;;
    "config update context "*" --pachd-address="*)
      [[ -d "${emu}/pach/contexts/$4" ]] || die "context '$4' does not exist"
      printf '%s\n' "${5#--pachd-address=}" >"${emu}/pach/contexts/$4/address"
      ;;
    version)
      cluster=$(pach_cluster) || {
        printf 'COMPONENT           VERSION\npachctl             %s\n' "${client}"
        die "context deadline exceeded"
      }
      printf 'COMPONENT           VERSION\npachctl             %s\npachd               %s\n' \
        "${client}" "$(read_file "${cluster}/version")"
      ;;
    "list pipeline --raw")
      cluster=$(pach_cluster) || exit 1
      if [[ -n ${EMU_LIST_FAILS_AFTER-} ]]; then
        local lists=0
        [[ -f "${STUB_DIR}/lists" ]] && read -r lists <"${STUB_DIR}/lists"
        lists=$((lists + 1))
        printf '%s\n' "${lists}" >"${STUB_DIR}/lists"
        ((lists <= EMU_LIST_FAILS_AFTER)) || die "rpc error: code = Unavailable desc = transport is closing"
      fi
      local file state stopped target lag
      lock
      for file in "${cluster}"/pipelines/*; do
        [[ -e ${file} ]] || continue
        pipeline_json "${file}"
        read -r state stopped target lag <"${file}"
        if ((lag > 0)); then
          lag=$((lag - 1))
          ((lag > 0)) || state=${target}
          pipeline_set "${file}" "${state}" "${stopped}" "${target}" "${lag}"
        fi
      done
      unlock
      ;;
    "list repo --raw")
      cluster=$(pach_cluster) || exit 1
      local file
      for file in "${cluster}"/repos/*; do
        [[ -e ${file} ]] && printf '{"repo":{"name":"%s"}}\n' "${file##*/}"
      done
      ;;
    "stop pipeline "* | "start pipeline "*)
      cluster=$(pach_cluster) || exit 1
      local file="${cluster}/pipelines/$3" state stopped target lag
      [[ -f ${file} ]] || die "pipeline $3 not found"
      lock
      read -r state stopped target lag <"${file}"
      if [[ $1 == stop ]]; then
        [[ ${stopped} == 1 ]] || event "${cluster}" "pipeline $3 stopped"
        case ${state} in
          PIPELINE_FAILURE | PIPELINE_PAUSED) pipeline_set "${file}" "${state}" 1 "${state}" 0 ;;
          *) pipeline_set "${file}" "${state}" 1 PIPELINE_PAUSED 1 ;;
        esac
      else
        [[ ${stopped} == 0 ]] || event "${cluster}" "pipeline $3 started"
        case ${state} in
          PIPELINE_FAILURE) pipeline_set "${file}" "${state}" 0 "${state}" 0 ;;
          *) pipeline_set "${file}" "${state}" 0 PIPELINE_RUNNING 1 ;;
        esac
      fi
      unlock
      ;;
    "extract --no-objects")
      cluster=$(pach_cluster) || exit 1
      backup "${cluster}" 0
      ;;
    "extract --no-objects --url "* | "extract --url "*)
      # --no-objects only reaches the stdout path; with --url pachd writes
      # a full backup (objects included) to the URL.
      cluster=$(pach_cluster) || exit 1
      local target
      target=$(s3_path "${*: -1}") || exit 1
      mkdir -p "${target%/*}"
      backup "${cluster}" 1 >"${target}"
      ;;
    "restore"*)
      cluster=$(pach_cluster) || exit 1
      if [[ ${2-} == --url ]]; then
        local source
        source=$(s3_path "$3") || exit 1
        [[ -f ${source} ]] || die "object $3 not found"
        input=''
        while IFS= read -r stdin_line; do input+="${stdin_line}"$'\n'; done <"${source}"
      fi
      [[ -n ${input} ]] || die "restore: empty backup"
      local kind item applied=0
      lock
      while read -r kind item; do
        if [[ -n ${EMU_RESTORE_STOP_AFTER-} ]] && ((applied >= EMU_RESTORE_STOP_AFTER)); then
          unlock
          die $'rpc error: transport is closing\nWARNING: Your cluster might be in an invalid state--consider deleting partially-restored data before continuing'
        fi
        applied=$((applied + 1))
        # Pachyderm's restore skips what already exists (applyOp).
        case ${kind} in
          repo)
            [[ -e "${cluster}/repos/${item}" ]] && continue
            : >"${cluster}/repos/${item}"
            event "${cluster}" "repo ${item} created"
            ;;
          object)
            event "${cluster}" "object ${item} put through pachd"
            ;;
          pipeline)
            [[ -e "${cluster}/pipelines/${item}" ]] && continue
            pipeline_set "${cluster}/pipelines/${item}" PIPELINE_STARTING 0 PIPELINE_RUNNING 1
            event "${cluster}" "pipeline ${item} created"
            ;;
        esac
      done <<<"${input%$'\n'}"
      unlock
      ;;
    *) die "pachctl double: unsupported command: $*" 3 ;;
  esac
  finish 0
}

run_aws() {
  # --only-show-errors: errors and warnings only, no line per object copied.
  local quiet=0 word
  local -a words=()
  for word in "$@"; do
    if [[ ${word} == --only-show-errors ]]; then quiet=1; else words+=("${word}"); fi
  done
  set -- "${words[@]}"
  case "$1 $2" in
    "s3 sync")
      local from="${emu}/s3/${3#s3://}" to="${emu}/s3/${4#s3://}"
      [[ -d ${from} ]] || die "fatal error: An error occurred (NoSuchBucket): ${3}"
      [[ -d ${to} ]] || die "fatal error: An error occurred (NoSuchBucket): ${4}"
      local file
      for file in "${from}"/*; do
        [[ -e ${file} ]] || continue
        if [[ ! -f "${to}/${file##*/}" ]] || [[ $(<"${file}") != $(<"${to}/${file##*/}") ]]; then
          ((quiet)) || printf 'copy: %s/%s to %s/%s\n' "$3" "${file##*/}" "$4" "${file##*/}"
          cp "${file}" "${to}/${file##*/}"
        fi
      done
      ;;
    "s3 cp")
      local from=$3 to=$4 path
      if [[ ${from} == s3://* ]]; then
        path=$(s3_path "${from}") || exit 1
        [[ -f ${path} ]] || die "fatal error: An error occurred (404) when calling the HeadObject operation: Key not found"
        cp "${path}" "${to}"
      else
        path=$(s3_path "${to}") || exit 1
        [[ -d "${emu}/s3/${to#s3://}" || -d ${path%/*} ]] || mkdir -p "${path%/*}"
        cp "${from}" "${path}"
      fi
      ((quiet)) || printf 'upload: %s to %s\n' "${from}" "${to}"
      ;;
    *) die "aws double: unsupported command: $*" 3 ;;
  esac
  finish 0
}

# jq -r FILTER on the JSON lines the pachctl double prints. FILTER is
# `.pipeline.name`, `.repo.name` or `select(COND) | .pipeline.name`, where
# COND compares .state with strings and .stopped with true, with and, or
# and parentheses (as jq: absent fields are null).
run_jq() {
  [[ $1 == -r ]] || die "jq double: only -r" 3
  local filter=$2 condition='' test=''
  if [[ ${filter} =~ ^select\((.*)\)\ \|\ \.pipeline\.name$ ]]; then
    condition=${BASH_REMATCH[1]}
    local rest=${condition} token
    while [[ -n ${rest} ]]; do
      if [[ ${rest} =~ ^\ +(.*)$ ]]; then
        rest=${BASH_REMATCH[1]}
      elif [[ ${rest} =~ ^\.state\ (==|!=)\ \"([A-Z_]+)\"(.*)$ ]]; then
        test+=" \${state} ${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
        rest=${BASH_REMATCH[3]}
      elif [[ ${rest} =~ ^\.stopped\ (==|!=)\ true(.*)$ ]]; then
        test+=" \${stopped} ${BASH_REMATCH[1]} true"
        rest=${BASH_REMATCH[2]}
      elif [[ ${rest} =~ ^(and|or|\(|\))(.*)$ ]]; then
        token=${BASH_REMATCH[1]}
        case ${token} in and) token='&&' ;; or) token='||' ;; esac
        test+=" ${token}"
        rest=${BASH_REMATCH[2]}
      else
        die "jq double: unsupported condition: ${condition}" 3
      fi
    done
    filter=select
  fi
  local json name state stopped
  while IFS= read -r json; do
    [[ -n ${json} ]] || continue
    name='' state='' stopped=''
    [[ ${json} =~ \"(pipeline|repo)\":\{\"name\":\"([^\"]*)\" ]] && name=${BASH_REMATCH[2]}
    [[ ${json} =~ \"state\":\"([A-Z_]*)\" ]] && state=${BASH_REMATCH[1]}
    [[ ${json} == *'"stopped":true'* ]] && stopped=true
    case ${filter} in
      .pipeline.name | .repo.name) printf '%s\n' "${name}" ;;
      select) eval "[[ ${test} ]]" && printf '%s\n' "${name}" ;;
      *) die "jq double: unsupported filter: ${filter}" 3 ;;
    esac
  done <<<"${input}"
  finish 0
}

case ${name} in
  kubectl) run_kubectl "$@" ;;
  pachctl) run_pachctl "$@" ;;
  aws) run_aws "$@" ;;
  jq) run_jq "$@" ;;
  sleep) finish 0 ;;
  *) die "pachyderm double: not a tool it emulates: ${name}" 3 ;;
esac
