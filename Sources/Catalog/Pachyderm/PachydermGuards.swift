import Model

extension Pachyderm {
  /// kubectl's current context must be the one named by `parameter`.
  static func kubeContext(_ parameter: String, _ cluster: String) -> OutputCheck {
    OutputCheck(
      "kubectl talks to the \(cluster) cluster",
      command: "kubectl config current-context",
      expect: .equalsParameter(parameter),
      failure:
        "kubectl's current context is not the \(cluster) cluster's: switch with `kubectl config use-context` or correct \(Parameter.flag(for: parameter))."
    )
  }

  /// pachctl's active context must be the one named by `parameter`.
  static func pachContext(_ parameter: String, _ cluster: String) -> OutputCheck {
    OutputCheck(
      "pachctl talks to the \(cluster) Pachyderm cluster",
      command: "pachctl config get active-context",
      expect: .equalsParameter(parameter),
      failure:
        "pachctl's active context is not the \(cluster) cluster's: switch with `pachctl config set active-context` or correct \(Parameter.flag(for: parameter))."
    )
  }

  /// Every kubectl call of a phase names its kube context, and every
  /// pachctl call its pachctl context: lint checks it (`unpinned-context`).
  static func pins(kube: String, pach: String) -> [ContextPin] {
    [
      ContextPin("kubectl", option: "--context", parameter: kube),
      ContextPin("pachctl", environment: "PACH_CONTEXT", parameter: pach),
    ]
  }

  /// The oldest pachctl that has the commands the phases run: `pachctl
  /// config` first appears in 1.9.1, and 1.8 spells `stop-pipeline`.
  static let minimumPachctl = "1.9.1"

  /// pachctl, the client, must be 1.9.1 or later. `--client-only` prints
  /// only the client's version and makes no call to pachd.
  static let pachctlVersion = OutputCheck(
    "pachctl is \(minimumPachctl) or later",
    command: "pachctl version --client-only",
    expect: .versionAtLeast(minimumPachctl),
    failure:
      "This pachctl is older than \(minimumPachctl), which lacks `pachctl config` and the spaced commands (`pachctl stop pipeline`) the steps run: install pachctl \(minimumPachctl) or later, also to migrate from a 1.8 cluster, or put it first on PATH."
  )

  /// `pachctl` pinned to the pachctl context named by `parameter`:
  /// PACH_CONTEXT overrides the shared active context for this call only.
  static func pachctl(_ parameter: String) -> String { #"PACH_CONTEXT="${\#(parameter)}" pachctl"# }

  /// `kubectl` pinned to the kube context named by `parameter`.
  static func kubectl(_ parameter: String) -> String { #"kubectl --context "${\#(parameter)}""# }

  /// The names of the pipelines that were stopped before the migration,
  /// one a line: written once by `stop-pipelines`, read by `start-pipelines`.
  static let stoppedBefore = #""${WORK_DIR}/pipelines-stopped-before""#

  /// The same record once `start-pipelines` has taken it: a resumed start
  /// still finds it, and the next stop writes a record of its own.
  static let stoppedBeforeTaken = #""${WORK_DIR}/pipelines-stopped-before.used""#

  /// Records the pipelines already stopped (their `stopped` flag set, by
  /// their owner), once: a resume finds the record and keeps it, as by then
  /// the pipelines this step stopped look the same. Then stops every other
  /// pipeline, three at a time.
  static let stopPipelines = ShellCommand(
    #"""
    mkdir -p "${WORK_DIR}"
    if [[ ! -e \#(stoppedBefore) ]]; then
      pipelines=$(\#(pachctl("PACH_CONTEXT")) list pipeline --raw)
      jq -r 'select(.stopped == true) | .pipeline.name' <<<"${pipelines}" >"${WORK_DIR}/pipelines-stopped-before.partial"
      mv "${WORK_DIR}/pipelines-stopped-before.partial" \#(stoppedBefore)
    fi
    \#(pachctl("PACH_CONTEXT")) list pipeline --raw \
      | jq -r 'select(.stopped != true) | .pipeline.name' \
      | PACH_CONTEXT="${PACH_CONTEXT}" xargs -P3 -n1 -I{} pachctl stop pipeline {}
    """#)

  /// Starts, three at a time, the stopped pipelines that are not in the
  /// record of those stopped before the migration. A name is looked up
  /// between white space: Pachyderm's pipeline names hold none.
  static let startPipelines = ShellCommand(
    #"""
    if [[ -e \#(stoppedBefore) ]]; then
      mv \#(stoppedBefore) \#(stoppedBeforeTaken)
    fi
    if [[ ! -e \#(stoppedBeforeTaken) ]]; then
      printf '%s\n' "There is no record of the pipelines stopped before the migration (WORK_DIR/pipelines-stopped-before, written by stop-pipelines): run stop-pipelines first, so that this step starts only the pipelines the migration stopped." >&2
      false
    fi
    before=" $(<\#(stoppedBeforeTaken)) "
    pipelines=$(\#(pachctl("PACH_CONTEXT")) list pipeline --raw)
    stopped=$(jq -r 'select(.stopped == true) | .pipeline.name' <<<"${pipelines}")
    while IFS= read -r name; do
      if [[ -n ${name} && ${before} != *[[:space:]]"${name}"[[:space:]]* ]]; then printf '%s\n' "${name}"; fi
    done <<<"${stopped}" \
      | PACH_CONTEXT="${PACH_CONTEXT}" xargs -P3 -n1 -I{} pachctl start pipeline {}
    """#)

  /// Succeeds when `jq -r FILTER` prints nothing for the old cluster's
  /// pipelines; fails when the listing itself (or jq) fails.
  static func noPipeline(_ filter: String) -> String {
    #"""
    pipelines=$(\#(pachctl("PACH_CONTEXT")) list pipeline --raw) || return 1
    left=$(jq -r '\#(filter)' <<<"${pipelines}") || return 1
    [[ -z ${left} ]]
    """#
  }

  /// Succeeds when `jq -r FILTER` prints nothing for the old cluster's
  /// pipelines but the names in the record of those stopped before the
  /// migration; fails when the listing itself (or jq) fails.
  static func noStartedPipeline(_ filter: String) -> String {
    #"""
    pipelines=$(\#(pachctl("PACH_CONTEXT")) list pipeline --raw) || return 1
    left=$(jq -r '\#(filter)' <<<"${pipelines}") || return 1
    before=" $(<\#(stoppedBeforeTaken)) " || return 1
    while IFS= read -r name; do
      if [[ -n ${name} && ${before} != *[[:space:]]"${name}"[[:space:]]* ]]; then return 1; fi
    done <<<"${left}"
    """#
  }

  /// The pipelines not yet stopped: Pachyderm counts a pipeline as stopped
  /// when it is PAUSED or FAILURE (GarbageCollect).
  static let notStopped =
    #"select(.state != "PIPELINE_PAUSED" and .state != "PIPELINE_FAILURE") | .pipeline.name"#

  /// The pipelines not yet running again: still stopped, or in a state
  /// other than RUNNING or STANDBY (FAILURE stays FAILURE after a start).
  static let notRunning =
    #"select(.stopped == true or (.state != "PIPELINE_RUNNING" and .state != "PIPELINE_STANDBY" and .state != "PIPELINE_FAILURE")) | .pipeline.name"#

  /// Moves pachd's service from node port `from` to `to`: saves its spec
  /// once (a resume keeps the first copy), then replaces the nodePort of
  /// `api-grpc-port`, the service's first port, and nothing else.
  static func movePachdPort(from: Int, to: Int) -> ShellCommand {
    let saved = #""${WORK_DIR}/pachd_service_backup_\#(from).json""#
    let partial = #""${WORK_DIR}/pachd_service_backup_\#(from).json.partial""#
    return ShellCommand(
      #"""
      mkdir -p "${WORK_DIR}"
      if [[ ! -e \#(saved) ]]; then
        \#(kubectl("KUBE_CONTEXT")) get svc/pachd --namespace "${NAMESPACE}" -o json >\#(partial)
        mv \#(partial) \#(saved)
      fi
      \#(kubectl("KUBE_CONTEXT")) patch svc/pachd --namespace "${NAMESPACE}" --type=json \
        -p '[{"op": "test", "path": "/spec/ports/0/name", "value": "api-grpc-port"}, {"op": "replace", "path": "/spec/ports/0/nodePort", "value": \#(to)}]'
      pachctl config update context "${PACH_CONTEXT}" --pachd-address="${PACHD_HOST}:\#(to)"
      \#(pachctl("PACH_CONTEXT")) version
      """#)
  }
}
