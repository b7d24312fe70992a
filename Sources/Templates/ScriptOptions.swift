import Model

/// One option every generated script takes. The table of them is the one
/// declaration from which the script's defaults, its `parse_arguments` arms,
/// its `--help` and the runbook's options table are all rendered.
///
/// For example `--from STEP` sets `FROM_STEP` and marks a step selection.
struct ScriptOption {
  enum Effect {
    /// Prints the help and exits.
    case help
    /// Prints the procedure, its version, model fingerprint and generator, and exits.
    case version
    /// Sets each variable to 1 (`--force-resume` sets `RESUME` and `FORCE_RESUME`).
    case flag([String])
    /// Takes a value (`--from STEP` or `--from=STEP`) into the variable.
    case value(String)
  }

  /// Spellings, short first: `["-y", "--yes"]`.
  var names: [String]
  /// The value's placeholder in help (`STEP`), for a value option.
  var placeholder: String?
  var meaning: String
  var effect: Effect
  /// A value option that selects steps, so a plain run over an unfinished
  /// one is allowed.
  var selectsSteps = false

  /// `-y, --yes` or `--from STEP`, as help shows it.
  var synopsis: String {
    names.joined(separator: ", ") + (placeholder.map { " \($0)" } ?? "")
  }
}

/// The options of a generated script and its exit statuses.
enum ScriptOptions {
  typealias Names = ScriptOptionNames

  static func all(for procedure: Procedure) -> [ScriptOption] {
    let folder = procedure.stateFolder
    return [
      ScriptOption(
        names: ["--list"], meaning: "print the steps and exit", effect: .flag([Names.listOnly])),
      ScriptOption(
        names: ["--dry-run"],
        meaning: "print every command that would run, with parameters expanded; run nothing",
        effect: .flag([Names.dryRun])),
      ScriptOption(
        names: ["-y", "--yes"],
        meaning:
          "answer yes to confirmations; a manual step without an automated check stops the run",
        effect: .flag([Names.assumeYes])),
      ScriptOption(
        names: ["--resume"],
        meaning:
          "skip the steps an earlier run completed and carry on from the first one it did not",
        effect: .flag([Names.resume])),
      ScriptOption(
        names: ["--force-resume"],
        meaning: "resume even though the state file was written by a script from another model",
        effect: .flag([Names.resume, Names.forceResume])),
      ScriptOption(
        names: ["--restart"],
        meaning: "forget an earlier unfinished run and start from the first step",
        effect: .flag([Names.restart])),
      ScriptOption(
        names: ["--from"], placeholder: "STEP", meaning: "start at STEP; earlier steps are skipped",
        effect: .value(Names.fromStep), selectsSteps: true),
      ScriptOption(
        names: ["--to"], placeholder: "STEP", meaning: "stop after STEP",
        effect: .value(Names.toStep), selectsSteps: true),
      ScriptOption(
        names: ["--only"], placeholder: "STEP[,STEP]", meaning: "run only these steps",
        effect: .value(Names.onlySteps), selectsSteps: true),
      ScriptOption(
        names: ["--skip"], placeholder: "STEP[,STEP]", meaning: "run every step but these",
        effect: .value(Names.skipSteps), selectsSteps: true),
      ScriptOption(
        names: ["--state-file"], placeholder: "PATH",
        meaning: "where completed steps are recorded (default: \(folder)/\(procedure.id).state)",
        effect: .value(Names.stateFile)),
      ScriptOption(
        names: ["--log-file"], placeholder: "PATH",
        meaning: "where each run is logged (default: \(folder)/\(procedure.id).log)",
        effect: .value(Names.logFile)),
      ScriptOption(
        names: ["--version"],
        meaning:
          "print the procedure, its version, its model's fingerprint and the generator, and exit",
        effect: .version),
      ScriptOption(names: ["-h", "--help"], meaning: "print this help and exit", effect: .help),
    ]
  }

  /// `(option, meaning)` rows, as help and the runbook list them.
  static func list(for procedure: Procedure) -> [(option: String, meaning: String)] {
    all(for: procedure).map { ($0.synopsis, $0.meaning) }
  }

  /// The variables the options set, in ``ScriptOptionNames/variables``
  /// order, each with its starting value: `0` for a flag (and for
  /// `SELECTION_GIVEN`, which the step-selecting options set), empty for a
  /// value.
  static func variables(for procedure: Procedure) -> [(name: String, initial: String)] {
    var initial: [String: String] = [Names.selectionGiven: "0"]
    for option in all(for: procedure) {
      switch option.effect {
      case .help, .version: break
      case .flag(let names): for name in names { initial[name] = "0" }
      case .value(let name): initial[name] = ""
      }
    }
    return Names.variables.compactMap { name in initial[name].map { (name, $0) } }
  }

  static var exitStatuses: [(status: String, meaning: String)] {
    ExitStatus.allCases.map { ($0.shown, $0.meaning) }
  }
}

/// The statuses a generated script exits with, for its `EXIT_*` variables,
/// its `--help` and the runbook.
enum ExitStatus: CaseIterable {
  case done, stepFailed, usage, preflight, declined, locked, timedOut, interrupted

  /// The variable the runtime exits with, if it has one: `EXIT_USAGE`.
  var variable: String? {
    switch self {
    case .done, .interrupted: nil
    case .stepFailed: ExitStatusNames.stepFailed
    case .usage: ExitStatusNames.usage
    case .preflight: ExitStatusNames.preflight
    case .declined: ExitStatusNames.declined
    case .locked: ExitStatusNames.locked
    case .timedOut: ExitStatusNames.timedOut
    }
  }

  var code: Int {
    switch self {
    case .done: 0
    case .stepFailed: 1
    case .usage: 2
    case .preflight: 3
    case .declined: 4
    case .locked: 5
    case .timedOut: 6
    case .interrupted: 130
    }
  }

  /// As help and the runbook show it: `130, 143` for the signals.
  var shown: String { self == .interrupted ? "130, 143" : String(code) }

  var meaning: String {
    switch self {
    case .done: "every selected step completed"
    case .stepFailed: "a step failed; the message names it and how to carry on"
    case .usage:
      "usage error: unknown option, phase or step, missing or invalid parameter, or an unfinished earlier run"
    case .preflight: "preflight failed: a required tool is missing or a context check failed"
    case .declined: "the operator declined a confirmation or gave no answer"
    case .locked: "another run holds the lock of the state file"
    case .timedOut:
      "a wait timed out: what a step waits for did not happen in time; check it, then carry on with --resume"
    case .interrupted: "interrupted by SIGINT or SIGTERM; carry on with --resume"
    }
  }
}
