/// The names a generated `migrate.sh` shares between its generated part and
/// its fixed runtime: globals, arrays and functions. The bash translator
/// declares them and the runtime's text interpolates them from here, so
/// renaming one is a compile error, never a silent break.
///
/// It lives in Model, not Templates, because validation needs it: a
/// parameter becomes a shell variable of the same name, and one named
/// `STATE_FILE` or `INDEX` would be overwritten by the runtime (see
/// ``Procedure/reservedNames``).
public enum ScriptContract {
  // MARK: Globals the generated part declares and the runtime reads.

  public static let procedureID = "PROCEDURE_ID"
  public static let procedureVersion = "PROCEDURE_VERSION"
  public static let modelFingerprint = "MODEL_FINGERPRINT"
  public static let scriptName = "SCRIPT_NAME"
  /// Phase ids, and whether one must be named (1 when phases run in
  /// different places).
  public static let phaseIDs = "PHASE_IDS"
  public static let phaseRequired = "PHASE_REQUIRED"
  /// Parallel arrays, one element a step in run order.
  public static let stepIDs = "STEP_IDS"
  public static let stepPhases = "STEP_PHASES"
  public static let stepTitles = "STEP_TITLES"
  public static let stepFunctions = "STEP_FUNCTIONS"
  public static let planFunctions = "PLAN_FUNCTIONS"
  public static let stepAttempts = "STEP_ATTEMPTS"
  public static let stepRetryDelays = "STEP_RETRY_DELAYS"
  public static let stepEnabledBy = "STEP_ENABLED_BY"
  public static let stepGroups = "STEP_GROUPS"
  /// 1 for a step that runs in the script's own shell because it sets a
  /// value later steps read (a choice); every other step runs as a child
  /// the script waits for, so that a signal reaches the script at once.
  public static let stepInShell = "STEP_IN_SHELL"
  /// 1 for a step `run_steps` may run without its checks when nothing in
  /// the run asks for them (no selection, no resume, no dry run, its phase
  /// selected): it is not its phase's first, not optional, and neither it
  /// nor the step before it is in a concurrent group.
  public static let stepPlain = "STEP_PLAIN"
  /// What `--list` shows after each step's title: ` [destructive, manual]`.
  public static let stepMarks = "STEP_MARKS"
  /// Parallel arrays, one element a parameter: its name, and 1 if it is secret.
  public static let parameterNames = "PARAMETER_NAMES"
  public static let parameterSecret = "PARAMETER_SECRET"
  /// Associative arrays keyed by step id: the step whose completion ends a
  /// cleanup, and the cleanup's function.
  public static let cleanupUntil = "CLEANUP_UNTIL"
  public static let cleanupFunctions = "CLEANUP_FUNCTIONS"

  // MARK: Globals the runtime keeps while it runs.

  public static let selectedPhases = "SELECTED_PHASES"
  public static let currentStepID = "CURRENT_STEP_ID"
  public static let currentStepNumber = "CURRENT_STEP_NUMBER"
  public static let currentStepTitle = "CURRENT_STEP_TITLE"
  /// Exported to every command: the id of the running step.
  public static let migrateStepID = "MIGRATE_STEP_ID"

  /// Globals only the runtime reads and writes. Listed so that no parameter
  /// can take their names; a test checks that every global the runtime
  /// assigns is named in this contract.
  public static let runtimePrivate: [String] = [
    "RUNTIME_TOOLS", "COMPLETED", "ACTIVE_CLEANUPS", "LOCK_FILE", "LOCK_HELD", "TEE_PIDS",
    "GROUP_PIDS", "STATE_FD", "NOW", "NOW_SECOND", "STATE_MODEL", "STATE_UNFINISHED", "INDEX",
    "MARKED", "DISTANCE", "FIRST_INDEX", "LAST_INDEX", "ONLY_INDEXES", "SKIP_INDEXES", "REPLY",
    "STEP_RETURNED", "GROUP_IDS", "WAIT_PID", "WAIT_WATCHDOG", "HEX", "TEXT", "DIGEST",
    "INPUT_SALT", "RECORDED_INPUTS", "RECORDED_PHASES",
    "INPUT_LINE", "CHILD_PID", "STEP_STDIN", "STATE_TIMED_OUT", "SECRET_FILES", "RESUME_OPTIONS",
    "STYLE_PROGRESS", "STYLE_DANGER", "STYLE_WARN", "STYLE_RESET", "PLAIN",
  ]

  /// Globals of the run record's runtime (the record's path, descriptor
  /// and open steps, and its JSON escaping).
  public static let runRecordPrivate: [String] = [
    "RECORD_FILE", "RECORD_FD", "RECORD_UMASK", "RECORD_ATTEMPTS", "RECORD_OPEN", "JSON",
    "JSON_UTF8", "RECORD_STEPS", "RECORD_STEP_TITLES",
  ]

  // MARK: Functions the generated part defines and the runtime calls.

  public static let parseArguments = "parse_arguments"
  public static let applyDefaults = "apply_defaults"
  public static let checkParameters = "check_parameters"
  public static let showParameters = "show_parameters"
  public static let resolveRunFiles = "resolve_run_files"
  public static let preflightTools = "preflight_tools"
  public static let preflightChecks = "preflight_checks"
  public static let showHelp = "show_help"
  public static let listSteps = "list_steps"

  // MARK: Functions the runtime defines and the generated part calls.

  public static let say = "say"
  public static let usageError = "usage_error"
  public static let needValue = "need_value"
  public static let confirmDestructive = "confirm_destructive"
  public static let manualStep = "manual_step"
  public static let waitUntil = "wait_until"
  public static let expectEmpty = "expect_empty"
  public static let expectNonEmpty = "expect_nonempty"
  public static let expectEqual = "expect_equal"
  public static let expectSecretEqual = "expect_secret_equal"
  public static let expectVersionAtLeast = "expect_version_at_least"
  public static let chooseOne = "choose_one"
  public static let requireTools = "require_tools"
  public static let preflightCheck = "preflight_check"
  public static let readableFile = "readable_file"
  public static let phaseComplete = "phase_complete"
  public static let recordPhase = "record_phase"
  public static let requirePhase = "require_phase"
  public static let forgetPhases = "forget_phases"
  /// Generated: the prerequisite checks of the selected phases, the removal
  /// of records about to go stale, and the records of completed phases.
  public static let checkPhasePrerequisites = "check_phase_prerequisites"
  public static let forgetPhaseRecords = "forget_phase_records"
  public static let recordCompletedPhases = "record_completed_phases"
  public static let phaseSelected = "phase_selected"
  /// Whether the step at an index runs in this run: its phase selected,
  /// its flag yes, and kept by --from, --to, --only and --skip.
  public static let stepRuns = "step_runs"
  public static let isPhase = "is_phase"
  public static let printPlan = "print_plan"
  public static let printText = "print_text"

  /// Every global of the contract: the names a parameter may not take.
  public static var globals: [String] {
    [
      procedureID, procedureVersion, modelFingerprint, scriptName, phaseIDs, phaseRequired,
      stepIDs, stepPhases, stepTitles, stepFunctions, planFunctions, stepAttempts,
      parameterNames, parameterSecret,
      stepRetryDelays, stepEnabledBy, stepGroups, stepInShell, stepPlain, stepMarks, cleanupUntil,
      cleanupFunctions,
      selectedPhases,
      currentStepID, currentStepNumber, currentStepTitle, migrateStepID,
    ] + ScriptOptionNames.variables + ExitStatusNames.variables + runtimePrivate
      + runRecordPrivate
  }

  // MARK: Function names derived from step ids.

  /// The function of step `id`: `save-site-config` gives `step_save_site_config`.
  ///
  /// Injective: a valid step id is kebab-case (`[a-z0-9-]`, no `--`, no
  /// trailing `-`), so its mapping never holds `__`; any other id is spelt
  /// as `__` and the hex of its UTF-8 bytes. The helpers of a step add
  /// `__` and a word, so no helper's name is another step's function.
  public static func stepFunction(_ id: String) -> String { "step_" + identifier(id) }

  /// What `--dry-run` prints for step `id`: `plan_save_site_config`.
  public static func planFunction(_ id: String) -> String { "plan_" + identifier(id) }

  /// The cleanup of step `id`: `cleanup_create_helper_pod`.
  public static func cleanupFunction(_ id: String) -> String { "cleanup_" + identifier(id) }

  /// The function of a step's action that the runtime calls (a wait's
  /// condition, a check, a choice's candidates): `step_check__action_1`.
  public static func actionFunction(_ id: String, index: Int) -> String {
    stepFunction(id) + "__action_\(index)"
  }

  /// A phase's preflight check: `preflight_import__check_1`.
  public static func preflightFunction(phase: String, index: Int) -> String {
    "preflight_" + identifier(phase) + "__check_\(index)"
  }

  /// The injective spelling of an id inside a function name.
  static func identifier(_ id: String) -> String {
    if Procedure.isKebabCase(id) { return id.replacingOccurrences(of: "-", with: "_") }
    let digits = Array("0123456789abcdef")
    var hex = "_"
    for byte in id.utf8 {
      hex.append(digits[Int(byte >> 4)])
      hex.append(digits[Int(byte & 0xF)])
    }
    return "_" + hex
  }
}

/// The variables the script's options set (the table of options lives in
/// Templates; these are the names it binds).
public enum ScriptOptionNames {
  public static let assumeYes = "ASSUME_YES"
  public static let dryRun = "DRY_RUN"
  public static let listOnly = "LIST_ONLY"
  public static let resume = "RESUME"
  public static let forceResume = "FORCE_RESUME"
  public static let restart = "RESTART"
  public static let fromStep = "FROM_STEP"
  public static let toStep = "TO_STEP"
  public static let onlySteps = "ONLY_STEPS"
  public static let skipSteps = "SKIP_STEPS"
  public static let selectionGiven = "SELECTION_GIVEN"
  public static let stateFile = "STATE_FILE"
  public static let logFile = "LOG_FILE"

  /// In the order the script declares them.
  public static let variables = [
    assumeYes, dryRun, listOnly, resume, forceResume, restart, fromStep, toStep, onlySteps,
    skipSteps, selectionGiven, stateFile, logFile,
  ]
}

/// The variables that hold the script's exit statuses.
public enum ExitStatusNames {
  public static let stepFailed = "EXIT_STEP_FAILED"
  public static let usage = "EXIT_USAGE"
  public static let preflight = "EXIT_PREFLIGHT"
  public static let declined = "EXIT_DECLINED"
  public static let locked = "EXIT_LOCKED"
  public static let timedOut = "EXIT_TIMED_OUT"

  public static let variables = [stepFailed, usage, preflight, declined, locked, timedOut]
}
