/// Everything that stops a command, each with what is wrong, where, and what
/// to do. `message` is the one place these become text; `status` the exit code.
public enum CommandError: Error, Equatable {
  case unknownCommand(String, suggestion: String?)
  case unknownOption(String, command: String)
  case missingValue(option: String)
  case unexpectedArgument(String, command: String)
  case missingArgument(String, command: String)
  case invalidFormat(String, allowed: [String])
  /// An option's value that is not one of those it takes.
  case invalidValue(String, option: String, allowed: [String])
  case unknownProcedure(String, suggestion: String?)
  case unknownVersion(id: String, version: String, available: [String])
  case invalidProcedure(String, diagnostics: [String])
  /// A rendered script bash cannot parse, with bash's first message.
  case unparseableScript(String, file: String, bashError: String)
  case cannotWrite(path: String, reason: String)
  case cannotRead(path: String, reason: String)
  /// Standard output or standard error could not be written.
  case cannotWriteStream(String, reason: String)
  case invalidFile(path: String, problem: ProcedureFileProblem)
  /// `init` was given an id that is not kebab-case.
  case invalidID(String)
  /// Two procedure files of one command with the same id and version: they
  /// would write the same files.
  case duplicateProcedure(String, files: [String])
  /// The catalog the tool was built with holds one procedure version twice.
  case duplicateInCatalog(String)
  /// Two options, or an option and a format, that do not go together.
  case conflictingOptions(String, command: String)
  /// A run record's line that `report` cannot read.
  case invalidRecord(path: String, line: Int?, reason: String)

  /// 2 for usage and file errors, 1 for a procedure that does not validate
  /// or renders to a script bash cannot parse.
  public var status: Int32 {
    switch self {
    case .invalidProcedure, .unparseableScript: 1
    default: 2
    }
  }

  public var message: String {
    switch self {
    case .unknownCommand(let name, let suggestion):
      return
        "unknown command '\(name)'\(didYouMean(suggestion)); run '\(ToolName.current) --help' for the commands"
    case .unknownOption(let option, let command):
      return
        "unknown option '\(option)' for \(command); run '\(ToolName.current) \(command) --help'"
    case .missingValue(let option):
      return "option \(option) needs a value"
    case .unexpectedArgument(let argument, let command):
      return
        "unexpected argument '\(argument)' for \(command); run '\(ToolName.current) \(command) --help'"
    case .missingArgument(let what, let command):
      return "\(command) needs \(what); run '\(ToolName.current) \(command) --help'"
    case .invalidFormat(let format, let allowed):
      return "unknown format '\(format)'; use one of: \(allowed.joined(separator: ", "))"
    case .invalidValue(let value, let option, let allowed):
      return "\(option) takes one of: \(allowed.joined(separator: ", ")), not '\(value)'"
    case .unknownProcedure(let id, let suggestion):
      return
        "unknown procedure '\(id)'\(didYouMean(suggestion)); run '\(ToolName.current) list' for the procedures"
    case .unknownVersion(let id, let version, let available):
      return
        "procedure \(id) has no version \(version); available: \(available.joined(separator: ", "))"
    case .invalidProcedure(let reference, let diagnostics):
      return
        "\(reference) has lint errors and was not rendered (run \(ToolName.current) lint \(reference)):\n"
        + diagnostics.joined(separator: "\n")
    case .unparseableScript(let reference, let file, let error):
      return
        "\(reference): bash cannot parse the generated \(file) (\(error)), so nothing was written or printed; lint found no error, so this is a gen-migration bug: please report it with the procedure"
    case .cannotWrite(let path, let reason):
      return "cannot write \(path): \(reason)"
    case .invalidID(let id):
      return
        "the id '\(id)' must be kebab-case (lower-case letters, digits and single hyphens), e.g. rotate-password"
    case .cannotRead(let path, let reason):
      return "cannot read \(path): \(reason)"
    case .cannotWriteStream(let stream, let reason):
      return "cannot write to \(stream): \(reason); the output is incomplete"
    case .invalidFile(let path, let problem):
      return "\(path): \(problem)"
    case .duplicateProcedure(let reference, let files):
      return
        "\(files.joined(separator: " and ")) are both \(reference) and would write the same files; give one of them"
    case .duplicateInCatalog(let reference):
      return
        "the procedures this tool was built with hold \(reference) twice; give each id and version once (in the list passed to GenMigrationKit.main)"
    case .conflictingOptions(let what, let command):
      return "\(what); run '\(ToolName.current) \(command) --help'"
    case .invalidRecord(let path, let line, let reason):
      return
        "\(path)\(line.map { ":\($0)" } ?? ""): \(reason); is it a run record (*.record.jsonl) a generated migrate.sh wrote?"
    }
  }

  private func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { "; did you mean '\($0)'?" } ?? ""
  }
}
