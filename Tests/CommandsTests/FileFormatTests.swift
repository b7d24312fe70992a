import Catalog
import Foundation
import Model
import Templates
import TestSupport
import Testing

@testable import Commands

/// The format's one description (`FileFormat`) is what the strict decoder
/// accepts: for every object of every catalog procedure, the starter and a
/// procedure with every variant, the keys its type asks for are exactly the
/// fields described for it (and its `kind`'s variant), and so exactly the
/// properties of the JSON Schema rendered from it.
@Suite struct FileFormatTests {
  /// Every procedure file the format tests decode.
  static let corpus: [(name: String, json: String)] =
    Catalog.procedures.map { ($0.reference, JSONForm.render($0)) }
    + [
      ("starter", JSONForm.render(StarterProcedure.procedure(id: "starter"))),
      ("every", JSONForm.render(Procedure.everyVariant)),
    ]

  /// "Step", or "Action shell" for an object its `kind` picks a variant of.
  static func shape(_ object: FormatObject, kind: String?) -> String {
    object.variants.isEmpty ? object.name : "\(object.name) \(kind ?? "?")"
  }

  @Test func theDescribedFieldsAreExactlyTheKeysTheDecoderAccepts() throws {
    var seen: Set<String> = []
    for (name, json) in Self.corpus {
      let (_, decoder) = try ProcedureInput.strictlyDecode(Array(json.utf8))
      for (offset, decoded) in decoder.decodedTypes {
        let object = try #require(
          FileFormat.object(named: decoded.type),
          "\(name): \(decoded.path) decodes as \(decoded.type), which the format does not describe")
        let kind = Self.kind(at: decoded.path, in: json)
        if !object.variants.isEmpty {
          #expect(object.variants.contains { $0.kind == kind }, "\(name): \(decoded.path)")
        }
        #expect(
          Set(object.keys(kind: kind)) == decoder.askedKeys(at: offset),
          "\(name): \(decoded.path) (\(Self.shape(object, kind: kind)))")
        seen.insert(Self.shape(object, kind: kind))
      }
    }
    let described = FileFormat.objects.flatMap { object in
      object.variants.isEmpty
        ? [object.name] : object.variants.map { Self.shape(object, kind: $0.kind) }
    }
    #expect(
      Set(described) == seen, "described but never decoded: \(Set(described).subtracting(seen))")
    #expect(described.count == Set(described).count)
  }

  /// The `kind` of the object at `path` in `json`, if it has one.
  static func kind(at path: JSONPath, in json: String) -> String? {
    var value: Any? = try? JSONSerialization.jsonObject(with: Data(json.utf8))
    for component in path.components {
      switch component {
      case .key(let key): value = (value as? [String: Any])?[key]
      case .index(let index):
        value = (value as? [Any]).flatMap { $0.indices.contains(index) ? $0[index] : nil }
      }
    }
    return (value as? [String: Any])?["kind"] as? String
  }

  /// The rendered schema's properties: `Name` or `Name kind` → its keys.
  @Test func theSchemasPropertiesAreTheDescribedFields() throws {
    let schema = try #require(
      try JSONSerialization.jsonObject(with: Data(ProcedureSchema.render().utf8)) as? [String: Any])
    let definitions = try #require(schema["$defs"] as? [String: [String: Any]])
    for object in FileFormat.objects {
      let node = try #require(
        object.name == FileFormat.root ? schema : definitions[object.name], "\(object.name)")
      guard !object.variants.isEmpty else {
        var keys = Set(try #require(node["properties"] as? [String: Any]).keys)
        if object.name == FileFormat.root { #expect(keys.remove("$schema") != nil) }
        #expect(keys == Set(object.keys()), "\(object.name)")
        #expect(node["additionalProperties"] as? Bool == false, "\(object.name)")
        continue
      }
      let variants = try #require(node["oneOf"] as? [[String: Any]])
      #expect(variants.count == object.variants.count)
      for (variant, described) in zip(variants, object.variants) {
        let properties = try #require(variant["properties"] as? [String: [String: Any]])
        let constant = properties["kind"]?["const"] as? String
        #expect(constant == described.kind)
        let keys = Set(properties.keys)
        let expected = Set(object.keys(kind: described.kind))
        #expect(keys == expected, "\(described.kind)")
        #expect(variant["additionalProperties"] as? Bool == false)
      }
    }
  }

  @Test func everyFieldAndValueHasADescription() {
    for object in FileFormat.objects {
      #expect(!object.summary.isEmpty, "\(object.name)")
      for field in object.fields + object.variants.flatMap(\.fields) {
        #expect(field.summary.hasSuffix("."), "\(object.name).\(field.name): \(field.summary)")
      }
      for variant in object.variants {
        #expect(!variant.summary.isEmpty, "\(object.name) \(variant.kind)")
      }
    }
    for enumeration in FileFormat.enumerations {
      for value in enumeration.values {
        #expect(!value.summary.isEmpty, "\(enumeration.name) \(value.value)")
      }
    }
  }

  /// In the rendered schema: every object, variant, enumeration and
  /// property says what it is.
  @Test func everyPropertyOfTheSchemaHasADescription() throws {
    var described = 0
    func walk(_ node: Any, at path: String) {
      if let list = node as? [Any] {
        for (index, element) in list.enumerated() { walk(element, at: "\(path)[\(index)]") }
      }
      guard let object = node as? [String: Any] else { return }
      if let properties = object["properties"] as? [String: Any] {
        #expect(!((object["description"] as? String) ?? "").isEmpty, "\(path)")
        for (name, property) in properties {
          let description = (property as? [String: Any])?["description"] as? String
          #expect(!(description ?? "").isEmpty, "\(path).properties.\(name)")
          described += 1
        }
      }
      if object["enum"] != nil, path.hasPrefix("$defs") {
        #expect(!((object["description"] as? String) ?? "").isEmpty, "\(path)")
      }
      for (key, value) in object { walk(value, at: path.isEmpty ? key : "\(path).\(key)") }
    }
    walk(try JSONSerialization.jsonObject(with: Data(ProcedureSchema.render().utf8)), at: "")
    let fields = FileFormat.objects.map {
      $0.fields.count + $0.variants.map { $0.fields.count + 1 }.reduce(0, +)
    }
    #expect(
      described == fields.reduce(0, +) + 1
        + FileFormat.objects.filter { !$0.variants.isEmpty }.count)
  }

  /// A required field left out is refused as missing; an optional one is
  /// not: for the first object of every type and variant in `everyVariant`.
  @Test func requiredAndOptionalAreWhatTheDecoderDoes() throws {
    let json = JSONForm.render(Procedure.everyVariant)
    let (_, decoder) = try ProcedureInput.strictlyDecode(Array(json.utf8))
    var tried: Set<String> = []
    for decoded in decoder.decodedTypes.values.sorted(by: { "\($0.path)" < "\($1.path)" }) {
      let object = try #require(FileFormat.object(named: decoded.type))
      let kind = Self.kind(at: decoded.path, in: json)
      guard tried.insert(Self.shape(object, kind: kind)).inserted else { continue }
      let variant = object.variants.first { $0.kind == kind }
      let grouped = Set(object.exactlyOneOf.joined())
      for field in object.fields + (variant?.fields ?? []) where !grouped.contains(field.name) {
        let edited = try Self.removing(field.name, at: decoded.path, from: json)
        guard let edited else { continue }  // an optional field the object leaves out
        let problem: String
        do {
          _ = try ProcedureInput.strictlyDecode(Array(edited.utf8))
          problem = ""
        } catch { problem = error.description }
        let place = "\(decoded.path).\(field.name)"
        if field.isRequired {
          #expect(problem.contains("missing field \"\(field.name)\""), "\(place): \(problem)")
        } else {
          #expect(problem == "", "\(place) is optional, yet: \(problem)")
        }
      }
    }
    #expect(tried.count > 20)
  }

  /// `json` without the key `name` of the object at `path`; nil when the
  /// object has no such key.
  static func removing(_ name: String, at path: JSONPath, from json: String) throws -> String? {
    func remove(_ value: Any, _ components: ArraySlice<JSONPath.Component>) -> Any? {
      guard let first = components.first else {
        guard var object = value as? [String: Any], object[name] != nil else { return nil }
        object[name] = nil
        return object
      }
      switch first {
      case .key(let key):
        guard var object = value as? [String: Any], let member = object[key],
          let changed = remove(member, components.dropFirst())
        else { return nil }
        object[key] = changed
        return object
      case .index(let index):
        guard var list = value as? [Any], list.indices.contains(index),
          let changed = remove(list[index], components.dropFirst())
        else { return nil }
        list[index] = changed
        return list
      }
    }
    let root = try JSONSerialization.jsonObject(with: Data(json.utf8))
    guard let changed = remove(root, path.components[...]) else { return nil }
    return String(decoding: try JSONSerialization.data(withJSONObject: changed), as: UTF8.self)
  }
}
