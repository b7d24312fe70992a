import Model

/// The options every generated script takes and its exit statuses, in one
/// place for `--help` and the runbook's "Running the script".
enum ScriptOptions {
  static func list(for procedure: Procedure) -> [(option: String, meaning: String)] {
    let folder = procedure.stateFolder
    return [
      ("--list", "print the steps and exit"),
      ("--dry-run", "print every command that would run, with parameters expanded; run nothing"),
      (
        "-y, --yes",
        "answer yes to confirmations; a manual step without an automated check stops the run"
      ),
      (
        "--resume",
        "skip the steps an earlier run completed and carry on from the first one it did not"
      ),
      (
        "--force-resume",
        "resume even though the state file was written by a script from another model"
      ),
      ("--restart", "forget an earlier unfinished run and start from the first step"),
      ("--from STEP", "start at STEP; earlier steps are skipped"),
      ("--to STEP", "stop after STEP"),
      ("--only STEP[,STEP]", "run only these steps"),
      ("--skip STEP[,STEP]", "run every step but these"),
      (
        "--state-file PATH",
        "where completed steps are recorded (default: \(folder)/\(procedure.id).state)"
      ),
      ("--log-file PATH", "where each run is logged (default: \(folder)/\(procedure.id).log)"),
      ("-h, --help", "print this help and exit"),
    ]
  }

  static let exitStatuses: [(status: String, meaning: String)] = [
    ("0", "every selected step completed"),
    ("1", "a step failed; the message names it and how to carry on"),
    (
      "2",
      "usage error: unknown option, phase or step, missing or invalid parameter, or an unfinished earlier run"
    ),
    ("3", "preflight failed: a required tool is missing or a context check failed"),
    ("4", "the operator declined a confirmation or gave no answer"),
    ("5", "another run holds the lock of the state file"),
    ("130, 143", "interrupted by SIGINT or SIGTERM; carry on with --resume"),
  ]
}
