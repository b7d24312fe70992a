import Model
import Testing

/// `ShellText.invocations`: each simple command with its words as written,
/// and `ContextPin.isPinned` on them.
@Suite struct ShellInvocationTests {
  @Test func simpleCommandsKeepTheirAssignmentsAndArguments() {
    let text = #"""
      PACH_CONTEXT="${C}" pachctl list repo | jq -r '.name'
      kubectl --context "${K}" get pods -n "$(cat ns)"
      for d in a b; do kubectl scale "${d}" --replicas=0; done
      """#
    let invocations = ShellText(text).invocations
    // A command substitution's commands end before the command around them.
    #expect(
      invocations.map(\.program) == ["pachctl", "jq", "cat", "kubectl", "kubectl"],
      "\(invocations)")
    #expect(invocations[0].assignments == [#"PACH_CONTEXT="${C}""#])
    #expect(invocations[0].arguments == ["list", "repo"])
    #expect(invocations[1].arguments == ["-r", "'.name'"])
    #expect(invocations[2].arguments == ["ns"])
    #expect(
      invocations[3].arguments == [
        "--context", #""${K}""#, "get", "pods", "-n", #""$(cat ns)""#,
      ])
    #expect(invocations[4].arguments == ["scale", #""${d}""#, "--replicas=0"])
  }

  @Test func aWrappedProgramInheritsTheWrappersAssignments() {
    let invocations = ShellText(#"PACH_CONTEXT="${C}" xargs -P3 -n1 pachctl stop pipeline"#)
      .invocations
    #expect(invocations.map(\.program) == ["xargs", "pachctl"])
    #expect(invocations[1].assignments == [#"PACH_CONTEXT="${C}""#])
    #expect(invocations[1].arguments == ["stop", "pipeline"])
  }

  static let kubectl = ContextPin("kubectl", option: "--context", parameter: "KUBE_CONTEXT")
  static let pachctl = ContextPin("pachctl", environment: "PACH_CONTEXT", parameter: "PACH_CONTEXT")

  @Test(arguments: [
    (#"kubectl --context "${KUBE_CONTEXT}" get pods"#, true),
    (#"kubectl get pods --context="${KUBE_CONTEXT}""#, true),
    (#"kubectl get pods"#, false),
    (#"kubectl --context "${OTHER}" get pods"#, false),
    (#"kubectl get pods # --context "${KUBE_CONTEXT}""#, false),
    (#"kubectl get pods; kubectl --context "${KUBE_CONTEXT}" get svc"#, false),
    (#"echo "$(kubectl get ns)" --context "${KUBE_CONTEXT}""#, false),
    (#"kubectl config current-context"#, true),
  ])
  func anOptionPinHoldsOnlyWhenTheCallItselfNamesTheContext(text: String, pinned: Bool) {
    let calls = ShellText(text).invocations.filter { $0.program == "kubectl" }
    #expect(!calls.isEmpty)
    #expect(calls.allSatisfy(Self.kubectl.isPinned) == pinned, "\(calls)")
  }

  @Test(arguments: [
    (#"PACH_CONTEXT="${PACH_CONTEXT}" pachctl list repo"#, true),
    (#"PACH_CONTEXT="${PACH_CONTEXT}" xargs -n1 pachctl start pipeline"#, true),
    (#"pachctl list repo"#, false),
    (#"export PACH_CONTEXT="${PACH_CONTEXT}"; pachctl list repo"#, false),
    (#"pachctl config update context "${PACH_CONTEXT}" --pachd-address=h:1"#, true),
  ])
  func anEnvironmentPinHoldsOnlyOnTheCallsOwnAssignment(text: String, pinned: Bool) {
    let calls = ShellText(text).invocations.filter { $0.program == "pachctl" }
    #expect(!calls.isEmpty)
    #expect(calls.allSatisfy(Self.pachctl.isPinned) == pinned, "\(calls)")
  }
}
