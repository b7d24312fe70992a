import Foundation
import Model

/// Where a command's procedure comes from: a catalog reference (`cml`,
/// `cml@1.0`) or a procedure JSON file, as `render --format json` writes.
/// An argument ending in `.json` or naming a path is a file.
public enum ProcedureInput {
  /// Keys allowed at the top level beside the procedure's own: `$schema`
  /// names the JSON schema an editor checks the file against.
  static let topLevelExtras: Set<String> = ["$schema"]

  static func isFile(_ argument: String) -> Bool {
    argument.hasSuffix(".json") || argument.contains("/")
  }

  /// The procedure `argument` names; a file's deprecated forms are
  /// printed as warnings on standard error, naming the file and JSON path.
  static func load(_ argument: String, catalog: [Procedure], output: inout Output)
    throws(CommandError) -> Procedure
  {
    guard isFile(argument) else { return try ProcedureLookup.find(argument, in: catalog) }
    let (procedure, warnings) = try decodeWarning(FileSystem.read(argument), file: argument)
    for warning in warnings { output.error("warning: \(argument): \(warning)") }
    return procedure
  }

  /// The procedures of `generate FILE...` and `check DIR FILE...`: every
  /// argument a file, no two with the same id and version.
  static func loadFiles(
    _ arguments: [String], command: String, catalog: [Procedure], output: inout Output
  ) throws(CommandError) -> [Procedure] {
    var procedures: [Procedure] = []
    var files: [String: String] = [:]
    for argument in arguments {
      guard isFile(argument) else { throw .unexpectedArgument(argument, command: command) }
      let procedure = try load(argument, catalog: catalog, output: &output)
      if let earlier = files[procedure.reference] {
        throw .duplicateProcedure(procedure.reference, files: [earlier, argument])
      }
      files[procedure.reference] = argument
      procedures.append(procedure)
    }
    return procedures
  }

  /// Decodes a procedure, or says in one line what is wrong and where.
  public static func decode(_ text: String, file: String) throws(CommandError) -> Procedure {
    try decode(Array(text.utf8), file: file)
  }

  /// Decodes a procedure file's bytes strictly: valid UTF-8, JSON without
  /// duplicate keys, NUL characters or deep nesting, no field the model does
  /// not have, enumeration values among their cases, whole numbers where
  /// they are needed. Anything else is one `ProcedureFileProblem`.
  public static func decode(_ bytes: [UInt8], file: String) throws(CommandError) -> Procedure {
    try decodeWarning(bytes, file: file).procedure
  }

  /// The procedure, and a line for each deprecated form the file uses, in
  /// file order: `at phases[0]....timeoutSeconds: a timeout as a string of
  /// digits ("600") is deprecated; write the number 600 (line 9, column 11)`.
  public static func decodeWarning(_ bytes: [UInt8], file: String) throws(CommandError) -> (
    procedure: Procedure, warnings: [String]
  ) {
    do {
      let (procedure, decoder) = try strictlyDecode(bytes)
      return (procedure, decoder.deprecations.sorted { $0.offset < $1.offset }.map(\.text))
    } catch {
      throw .invalidFile(path: file, problem: error)
    }
  }

  /// The procedure `bytes` hold, and the decoder that decoded it with what
  /// it learnt: the type and keys of every object, the deprecated forms.
  static func strictlyDecode(_ bytes: [UInt8]) throws(ProcedureFileProblem) -> (
    Procedure, StrictDecoder
  ) {
    if let offset = SourceLocation.firstInvalidUTF8(in: bytes) {
      throw .notUTF8(byte: offset, SourceLocation(offset: offset, in: bytes))
    }
    let root = try JSONSyntax.parse(bytes)
    if case .object(let object) = root.kind,
      case .number(let literal) = object["formatVersion"]?.value.kind,
      let version = Int(literal), version > Procedure.currentFormatVersion
    {
      throw .newerFormat(version, readable: Procedure.currentFormatVersion)
    }
    let decoder = StrictDecoder(root, bytes: bytes)
    let procedure: Procedure
    do {
      procedure = try decoder.decode(Procedure.self)
    } catch let problem as ProcedureFileProblem {
      throw problem
    } catch let error as DecodingError {
      throw describe(error, decoder: decoder)
    } catch {
      throw .invalidValue("\(error)", path: JSONPath().description, nil)
    }
    if let unknown = decoder.firstUnknownField(topLevelExtras: topLevelExtras) { throw unknown }
    return (procedure, decoder)
  }

  /// `at phases[1].steps[3].actions[0]: missing field "command" (line 9, column 11)`.
  static func describe(_ error: DecodingError, decoder: StrictDecoder) -> ProcedureFileProblem {
    func located(_ context: DecodingError.Context) -> (String, SourceLocation) {
      (
        JSONPath(context.codingPath).description,
        decoder.location(decoder.value(at: context.codingPath).offset)
      )
    }
    switch error {
    case .keyNotFound(let key, let context):
      let (path, location) = located(context)
      return .missingField(
        key.stringValue, path: path, location,
        misspelling: decoder.misspelling(of: key.stringValue, at: context.codingPath))
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
      let (path, location) = located(context)
      return .wrongType(
        expected: typeName(type), found: context.debugDescription, path: path, location)
    case .dataCorrupted(let context):
      let (path, location) = located(context)
      return .invalidValue(context.debugDescription, path: path, location)
    @unknown default:
      return .invalidValue("\(error)", path: JSONPath().description, nil)
    }
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is any FixedWidthInteger.Type: "a whole number"
    case is Bool.Type: "true or false"
    case is [Any].Type: "a list"
    default: "an object"
    }
  }
}
