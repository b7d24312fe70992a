import Model
import Testing

@Suite struct ValidationTests {
  private func procedure(_ steps: [Step], parameters: [Parameter] = []) -> Procedure {
    Procedure(
      id: "demo", title: "Demo", version: "1.0", summary: "",
      parameters: parameters,
      phases: [
        Phase(
          id: "main", title: "Main", runsOn: "here", sections: [Section(title: "S", steps: steps)])
      ])
  }

  private func step(_ id: String, _ command: String) -> Step {
    Step(id: id, title: id, actions: [.shell(ShellCommand(command))])
  }

  @Test func duplicateStepIdsAreReportedWithTheStepId() {
    let found = procedure([step("copy", "true"), step("copy", "true")]).validate()
    #expect(
      found.contains {
        $0.rule == "duplicate-step-id" && $0.step == "copy" && $0.severity == .error
      })
    #expect(
      found.first?.description.hasPrefix("error: demo@1.0 step copy [duplicate-step-id]") == true)
  }

  @Test func emptyStepsAreReported() {
    let found = procedure([Step(id: "nothing", title: "Nothing", actions: [])]).validate()
    #expect(found.map(\.rule) == ["empty-step"])
    #expect(found.first?.step == "nothing")
  }

  @Test func referencesToUndeclaredParametersAreReported() {
    let found = procedure(
      [step("scale", #"kubectl scale -n "${NAMESPAC}" db"#)],
      parameters: [Parameter("NAMESPACE", "ns")]
    ).validate()
    #expect(found.count == 1)
    #expect(found.first?.rule == "unknown-parameter")
    #expect(found.first?.step == "scale")
    #expect(found.first?.message.contains("${NAMESPAC}") == true)
  }

  @Test func anUndefinedLowercaseVariableIsReported() {
    // The CDSW source's own defect: `$site_config` is never assigned.
    let found = procedure([step("save", #"kubectl cp "ns/db-0:/tmp/$site_config.csv" out.csv"#)])
      .validate()
    #expect(found.map(\.rule) == ["undefined-variable"])
    #expect(found.first?.message.contains("$site_config") == true)
  }

  @Test func variablesAssignedInTheStepAndStandardOnesAreAccepted() {
    let found = procedure(
      [
        step(
          "loop",
          """
          for d in a b; do echo "$d"; done
          job=$(kubectl get jobs | awk '{ print $1 }')
          echo "${job}" "$HOME" '$not_a_read' \\$escaped
          """)
      ]
    ).validate()
    #expect(found.isEmpty, "\(found)")
  }

  @Test func aCleanProcedureHasNoFindings() {
    let demo = procedure([step("ok", "true")])
    #expect(demo.validate().isEmpty)
  }

  @Test func invalidIdsAndUnknownParameterPhasesAreReported() {
    let found = procedure(
      [step("Bad_Id", "true")], parameters: [Parameter("X", "x", phases: ["elsewhere"])]
    ).validate()
    #expect(Set(found.map(\.rule)) == ["invalid-id", "unknown-phase"])
  }
}
