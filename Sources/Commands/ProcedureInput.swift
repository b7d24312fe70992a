import Foundation
import Model

/// Where a command's procedure comes from: a catalog reference (`cml`,
/// `cml@1.0`) or a procedure JSON file, as `render --format json` writes.
/// An argument ending in `.json` or naming a path is a file.
public enum ProcedureInput {
  static func isFile(_ argument: String) -> Bool {
    argument.hasSuffix(".json") || argument.contains("/")
  }

  static func load(_ argument: String, catalog: [Procedure]) throws(CommandError) -> Procedure {
    isFile(argument)
      ? try decode(FileSystem.read(argument), file: argument)
      : try ProcedureLookup.find(argument, in: catalog)
  }

  /// Decodes a procedure, or says in one line what is wrong and where.
  public static func decode(_ text: String, file: String) throws(CommandError) -> Procedure {
    if let problem = JSONSyntax.firstProblem(in: text) {
      throw .invalidFile(
        path: file,
        reason:
          "not valid JSON at line \(problem.line), column \(problem.column): \(problem.reason)")
    }
    let data = Data(text.utf8)
    if let header = try? JSONDecoder().decode(FormatHeader.self, from: data),
      let version = header.formatVersion, version > Procedure.currentFormatVersion
    {
      throw .invalidFile(
        path: file,
        reason:
          "written in procedure format \(version), newer than this gen-migration reads (\(Procedure.currentFormatVersion)); use a newer gen-migration"
      )
    }
    do {
      return try JSONDecoder().decode(Procedure.self, from: data)
    } catch let error as DecodingError {
      throw .invalidFile(path: file, reason: describe(error))
    } catch {
      throw .invalidFile(path: file, reason: "\(error)")
    }
  }

  private struct FormatHeader: Decodable { var formatVersion: Int? }

  /// `at phases[1].steps[3].actions[0]: missing field "command"`.
  static func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      var text = ""
      for key in keys {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += text.isEmpty ? key.stringValue : "." + key.stringValue
        }
      }
      return text.isEmpty ? "the top level" : text
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "at \(path(context.codingPath)): missing field \"\(key.stringValue)\""
    case .typeMismatch(let type, let context):
      return
        "at \(path(context.codingPath)): expected \(typeName(type)); \(context.debugDescription)"
    case .valueNotFound(let type, let context):
      return "at \(path(context.codingPath)): expected \(typeName(type)), found null"
    case .dataCorrupted(let context):
      return "at \(path(context.codingPath)): \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Int.Type: "a whole number"
    case is Bool.Type: "true or false"
    default: "\(type)".lowercased().contains("array") ? "a list" : "an object"
    }
  }
}
