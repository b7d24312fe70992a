import Foundation
import Model

/// Reads a run record, one JSON object a line, into its runs. Each
/// `run-started` line begins a run; the step, cleanup, answer and end lines
/// after it belong to it. An incomplete last line (the machine stopped while it was
/// written) is ignored with a warning; any other line that is not a JSON
/// object, or lacks a field its event needs, is an error naming the line.
enum RunRecordReader {
  static func read(_ bytes: [UInt8], file: String) throws(CommandError) -> (
    runs: [RecordedRun], warnings: [String]
  ) {
    var runs: [RecordedRun] = []
    var warnings: [String] = []
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    for (offset, line) in lines.enumerated() where !line.isEmpty {
      let number = offset + 1
      let isLast = offset == lines.count - 1
      guard
        let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
      else {
        if isLast {
          warnings.append("\(file):\(number): ignoring the incomplete last line")
          continue
        }
        throw .invalidRecord(path: file, line: number, reason: "not a JSON object")
      }
      let fields = Fields(object: object, file: file, line: number)
      let event = try fields.string("event")
      if event == "run-started" {
        runs.append(try start(fields))
        continue
      }
      guard !runs.isEmpty else {
        throw .invalidRecord(
          path: file, line: number, reason: "a \(event) line before any run-started line")
      }
      switch event {
      case "step-started":
        runs[runs.count - 1].steps.append(
          .init(id: try fields.string("step"), number: fields.int("number"), status: .started))
      case "step-ended":
        let id = try fields.string("step")
        let name = try fields.string("status")
        guard let status = RecordedRun.StepOutcome.Status(ended: name) else {
          throw .invalidRecord(path: file, line: number, reason: "unknown step status '\(name)'")
        }
        var steps = runs[runs.count - 1].steps
        if !steps.contains(where: { $0.id == id && $0.status == .started }) {
          steps.append(.init(id: id, number: nil, status: .started))
        }
        let index = steps.lastIndex { $0.id == id && $0.status == .started } ?? steps.count - 1
        steps[index].status = status
        steps[index].exitStatus = fields.int("exit")
        steps[index].attempts = fields.int("attempts")
        steps[index].seconds = fields.int("seconds")
        runs[runs.count - 1].steps = steps
      case "step-skipped":
        runs[runs.count - 1].steps.append(
          .init(
            id: try fields.string("step"), number: fields.int("number"),
            status: .skipped(reason: try fields.string("reason"))))
      case "step-undone":
        runs[runs.count - 1].steps.append(
          .init(
            id: try fields.string("step"), number: fields.int("number"),
            status: .undone(cleanup: try fields.string("cleanup"))))
      case "cleanup":
        runs[runs.count - 1].cleanups.append(
          .init(
            step: try fields.string("step"), succeeded: try fields.string("status") == "completed"))
      case "answer":
        runs[runs.count - 1].answers.append(
          .init(
            step: try fields.string("step"), prompt: try fields.string("prompt"),
            answer: try fields.string("answer")))
      case "run-ended":
        runs[runs.count - 1].ended = try fields.string("time")
        runs[runs.count - 1].endedEpoch = try fields.requiredInt("epoch")
        runs[runs.count - 1].status = try fields.requiredInt("status")
      default:
        warnings.append("\(file):\(number): ignoring an event this version does not know: \(event)")
      }
    }
    return (runs, warnings)
  }

  private static func start(_ fields: Fields) throws(CommandError) -> RecordedRun {
    var parameters: [RecordedRun.Parameter] = []
    if let object = fields.object["parameters"] as? [String: Any] {
      for name in object.keys.sorted() {
        parameters.append(.init(name: name, value: object[name] as? String ?? "\(object[name]!)"))
      }
    }
    var run = RecordedRun(
      procedure: try fields.string("procedure"), version: try fields.string("version"),
      fingerprint: try fields.string("fingerprint"),
      phases: fields.object["phases"] as? [String] ?? [], user: fields.optional("user") ?? "",
      host: fields.optional("host") ?? "", resume: fields.object["resume"] as? Bool ?? false,
      started: try fields.string("time"), startedEpoch: try fields.requiredInt("epoch"),
      parameters: parameters)
    run.uid = fields.int("uid")
    return run
  }

  /// The members of one line, with errors that name it.
  struct Fields {
    let object: [String: Any]
    let file: String
    let line: Int

    func optional(_ key: String) -> String? { object[key] as? String }

    func string(_ key: String) throws(CommandError) -> String {
      guard let value = object[key] as? String else {
        throw .invalidRecord(path: file, line: line, reason: "no string field \"\(key)\"")
      }
      return value
    }

    func int(_ key: String) -> Int? { object[key] as? Int }

    func requiredInt(_ key: String) throws(CommandError) -> Int {
      guard let value = int(key) else {
        throw .invalidRecord(path: file, line: line, reason: "no whole-number field \"\(key)\"")
      }
      return value
    }
  }
}
