import Catalog
import Foundation
import Lint
import Model
import Templates
import Testing

/// `unpinned-context`: a call of a pinned tool that does not name the
/// phase's context is an error naming its step; a pinned call is not; a
/// pin must name a parameter of its phase. Pachyderm's phases pin kubectl
/// and pachctl and lint clean.
@Suite struct PinRuleTests {
  static let pin = ContextPin("kubectl", option: "--context", parameter: "KUBE_CONTEXT")

  func findings(_ steps: [Step], pin: ContextPin = pin, phases: [String] = []) -> [Diagnostic] {
    var procedure = LintTests.procedure(
      steps,
      parameters: [Parameter("KUBE_CONTEXT", "The context.", required: true, phases: phases)],
      tools: ["kubectl"])
    procedure.phases[0].pins = [pin]
    return LintTests.linter.lint(procedure).filter { $0.rule == "unpinned-context" }
  }

  @Test func anUnpinnedCallIsAnErrorNamingItsStep() {
    let found = findings([
      LintTests.shell("pinned", #"kubectl --context "${KUBE_CONTEXT}" get pods"#),
      LintTests.shell("bare", #"kubectl get pods"#),
    ])
    #expect(found.map(\.step) == ["bare"])
    #expect(found.first?.severity == .error)
    #expect(found.first?.message.contains(#"without --context "${KUBE_CONTEXT}""#) == true)
  }

  @Test func aCallInsideACheckOrACleanupCountsToo() {
    var step = LintTests.shell("scale", #"kubectl --context "${KUBE_CONTEXT}" scale x"#)
    step.cleanup = Cleanup(#"kubectl scale x --replicas=1"#)
    let check = Step(
      id: "check", title: "check",
      actions: [
        .check(
          OutputCheck(
            "pods run", command: #"[[ -n "$(kubectl get pods)" ]] && echo ok"#,
            expect: .equals("ok"), failure: "no pods"))
      ])
    #expect(findings([step, check]).map(\.step) == ["scale", "check"])
  }

  @Test func aPinMustNameAParameterOfItsPhase() {
    let unknown = ContextPin("kubectl", option: "--context", parameter: "NOPE")
    #expect(
      findings([], pin: unknown).map(\.message).contains { $0.contains("not a declared parameter") }
    )
    #expect(
      findings([], phases: ["other"]).map(\.message).contains {
        $0.contains("not a parameter of that phase")
      })
  }

  @Test func theRunbookStatesThePins() {
    var procedure = LintTests.procedure(
      [LintTests.shell("get", #"kubectl --context "${KUBE_CONTEXT}" get pods"#)],
      parameters: [Parameter("KUBE_CONTEXT", "The context.", required: true)])
    procedure.phases[0].pins = [
      Self.pin, ContextPin("pachctl", environment: "PACH_CONTEXT", parameter: "PACH_CONTEXT"),
    ]
    #expect(
      // Prose is wrapped: read the paragraph's lines joined, as markdown does.
      Runbook.render(procedure, generator: "test").replacingOccurrences(of: "\n", with: " ")
        .contains(
          #"Every call of `kubectl` names its context: `--context "${KUBE_CONTEXT}"` and of `pachctl` names its context: `PACH_CONTEXT="${PACH_CONTEXT}"`."#
        ))
  }

  @Test func pachydermPinsEveryPhaseThatRunsKubectlOrPachctl() {
    for phase in Pachyderm.version1.phases {
      let tools = Pachyderm.version1.tools(in: [phase])
      let pinned = Set(phase.pins.map(\.tool))
      #expect(pinned == Set(["kubectl", "pachctl"]).intersection(tools), "\(phase.id)")
    }
    #expect(
      LintTests.linter.lint(Pachyderm.version1).filter { $0.rule == "unpinned-context" } == [])
  }
}

/// The JSON form of a pin names exactly one of option and environment.
@Suite struct ContextPinCodingTests {
  @Test func aPinRoundTripsInItsShortForm() throws {
    let pins = [
      ContextPin("kubectl", option: "--context", parameter: "K"),
      ContextPin("pachctl", environment: "PACH_CONTEXT", parameter: "P"),
    ]
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = try encoder.encode(pins)
    #expect(
      String(decoding: data, as: UTF8.self)
        == #"[{"option":"--context","parameter":"K","tool":"kubectl"},{"environment":"PACH_CONTEXT","parameter":"P","tool":"pachctl"}]"#
    )
    #expect(try JSONDecoder().decode([ContextPin].self, from: data) == pins)
  }

  @Test(arguments: [
    #"{"tool":"kubectl","parameter":"K"}"#,
    #"{"tool":"kubectl","option":"--context","environment":"X","parameter":"K"}"#,
  ])
  func aPinWithoutExactlyOneFormIsRefused(json: String) {
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(ContextPin.self, from: Data(json.utf8))
    }
  }
}
