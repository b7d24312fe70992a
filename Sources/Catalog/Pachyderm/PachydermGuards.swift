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

  /// Runs `pachctl <verb> pipeline` on every pipeline, three at a time.
  static func everyPipeline(_ verb: String) -> ShellCommand {
    ShellCommand(
      #"""
      pachctl list pipeline --raw \
        | jq -r '.pipeline.name' \
        | xargs -P3 -n1 -I{} pachctl \#(verb) pipeline {}
      """#)
  }

  /// --pachd-host must be given to move pachd's port.
  static let pachdHostGiven = OutputCheck(
    "the address of pachd is given",
    command: #"printf '%s\n' "${PACHD_HOST}""#,
    expect: .nonEmpty,
    failure:
      "--pause-data-loading yes needs --pachd-host: the cluster IP or host name at which you reach pachd."
  )

  /// Moves pachd's service from port `from` to port `to`, saving its spec first.
  static func movePachdPort(from: Int, to: Int) -> ShellCommand {
    ShellCommand(
      #"""
      mkdir -p "${WORK_DIR}"
      kubectl get svc/pachd --namespace "${NAMESPACE}" -o json >"${WORK_DIR}/pachd_service_backup_\#(from).json"
      kubectl get svc/pachd --namespace "${NAMESPACE}" -o json | sed 's/\#(from)/\#(to)/g' | kubectl apply -f -
      pachctl config update context "$(pachctl config get active-context)" --pachd-address="${PACHD_HOST}:\#(to)"
      pachctl version
      """#)
  }
}
