import Model
import Templates

/// A small procedure that exercises what CML does not: a required parameter,
/// a secret, a choice of values, one phase, a manual step with an automated
/// check.
enum SampleProcedure {
  static let procedure = Procedure(
    id: "sample", title: "Sample procedure", version: "1.0",
    summary: "Exercises the script contract.",
    parameters: {
      Parameter("TARGET", "The target to work on.", required: true)
      Parameter("TOKEN", "An access token.", secret: true)
      Parameter("MODE", "How to work.", default: "safe", choices: ["safe", "fast"])
      Parameter("NOTIFY", "Whether to notify the owner.", kind: .yesNo)
    },
    phases: {
      Phase(id: "main", title: "Main", runsOn: "any machine") {
        Section("Work") {
          Step("greet", "Greet the target", retry: Retry(attempts: 3, delaySeconds: 2)) {
            ShellCommand(#"tool greet "${TARGET}" --token "${TOKEN}" --mode "${MODE}""#)
          }
          Step("confirm-ready", "Confirm the target is ready") {
            ManualInstruction(
              "Check the target's dashboard.",
              verification: OutputCheck(
                "the target is ready", command: #"tool status "${TARGET}""#,
                expect: .equals("ready"),
                failure: "The target is not ready."))
          }
          Step("wipe", "Wipe the target", destroys: "everything on the target") {
            ShellCommand(#"tool wipe "${TARGET}""#)
          }
          Step("notify", "Notify the owner", enabledBy: "NOTIFY") {
            ShellCommand(#"tool notify "${TARGET}""#)
          }
        }
      }
    })

  static var script: String { BashScript.render(procedure, generator: Outputs.generator) }
}
