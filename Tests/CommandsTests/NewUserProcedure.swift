import Commands
import Foundation
import Testing

/// A procedure a new user writes with nothing but `gen-migration schema`
/// and `gen-migration init`: the starter, its `$schema` key naming the
/// schema, and one more step whose every key comes from the schema's
/// `required` lists (a step, a shell action and a wait action), filled with
/// values of the types the schema names.
enum NewUserProcedure {
  /// The schema `gen-migration schema` prints, parsed.
  static func schema() throws -> [String: Any] {
    let printed = GenMigration.run(["schema"])
    try #require(printed.status == 0, "\(printed.standardError)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(printed.standardOutput.utf8)) as? [String: Any])
  }

  /// The file's text, with `command` as the new step's shell command.
  static func json(command: String) throws -> String {
    let schema = try schema()
    let definitions = try #require(schema["$defs"] as? [String: [String: Any]])
    let action = try #require(definitions["Action"]?["oneOf"] as? [[String: Any]])
    func variant(_ kind: String) throws -> [String: Any] {
      try #require(
        action.first {
          (($0["properties"] as? [String: [String: Any]])?["kind"]?["const"] as? String) == kind
        }, "the schema has no action kind \(kind)")
    }
    let shell = try object(
      try variant("shell"), values: ["kind": "shell", "command": command])
    let wait = try object(
      try variant("wait"),
      values: [
        "kind": "wait", "description": "the home folder to exist",
        "condition": #"test -d "${HOME}""#, "intervalSeconds": 2, "timeoutSeconds": 30,
      ])
    let step = try object(
      try #require(definitions["Step"]),
      values: [
        "id": "say-hello", "title": "Say hello", "explanation": "Greets the operator.",
        "actions": [shell, wait], "admonitions": [Any](),
      ])
    let started = GenMigration.run(["init", "greet-team"])
    try #require(started.status == 0, "\(started.standardError)")
    var file = try #require(
      try JSONSerialization.jsonObject(with: Data(started.standardOutput.utf8)) as? [String: Any])
    file["$schema"] = "./procedure.schema.json"
    var phases = try #require(file["phases"] as? [[String: Any]])
    var sections = try #require(phases[0]["sections"] as? [[String: Any]])
    var steps = try #require(sections[sections.count - 1]["steps"] as? [Any])
    steps.append(step)
    sections[sections.count - 1]["steps"] = steps
    phases[0]["sections"] = sections
    file["phases"] = phases
    let data = try JSONSerialization.data(
      withJSONObject: file, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// An object of the schema `node` with exactly its required keys, each
  /// from `values` and of the JSON type the schema gives it.
  static func object(_ node: [String: Any], values: [String: Any]) throws -> [String: Any] {
    let required = try #require(node["required"] as? [String])
    let properties = try #require(node["properties"] as? [String: [String: Any]])
    var object: [String: Any] = [:]
    for key in required {
      let value = try #require(values[key], "the schema requires \(key); the test gives no value")
      let property = try #require(properties[key])
      let types = ([property] + (property["oneOf"] as? [[String: Any]] ?? [])).compactMap {
        $0["type"] as? String
      }
      let type: String =
        switch value {
        case is String: "string"
        case is Int: "integer"
        case is [Any]: "array"
        default: "object"
        }
      #expect(
        types.isEmpty || types.contains(type), "\(key) is \(types), the test gives a \(type)")
      object[key] = value
    }
    return object
  }
}
