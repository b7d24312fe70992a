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

  /// `pachctl` pinned to the pachctl context named by `parameter`:
  /// PACH_CONTEXT overrides the shared active context for this call only.
  static func pachctl(_ parameter: String) -> String { #"PACH_CONTEXT="${\#(parameter)}" pachctl"# }

  /// `kubectl` pinned to the kube context named by `parameter`.
  static func kubectl(_ parameter: String) -> String { #"kubectl --context "${\#(parameter)}""# }

  /// Runs `pachctl <verb> pipeline` on every pipeline of the old cluster,
  /// three at a time.
  static func everyPipeline(_ verb: String) -> ShellCommand {
    ShellCommand(
      #"""
      \#(pachctl("PACH_CONTEXT")) list pipeline --raw \
        | jq -r '.pipeline.name' \
        | PACH_CONTEXT="${PACH_CONTEXT}" xargs -P3 -n1 -I{} pachctl \#(verb) pipeline {}
      """#)
  }

  /// Succeeds when `jq -r FILTER` prints nothing for the old cluster's
  /// pipelines; fails when the listing itself (or jq) fails.
  static func noPipeline(_ filter: String) -> String {
    #"""
    pipelines=$(\#(pachctl("PACH_CONTEXT")) list pipeline --raw) || return 1
    left=$(jq -r '\#(filter)' <<<"${pipelines}") || return 1
    [[ -z ${left} ]]
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
