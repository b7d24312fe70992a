import Model

/// The JSON Schema (draft 2020-12) of a procedure file, rendered from
/// `FileFormat`: every object closed (`additionalProperties: false`, as the
/// strict decoder refuses an unknown key), every field with its
/// description, an action's or expectation's `kind` picking one of its
/// variants, and `$schema` allowed at the top so an editor finds the schema.
///
/// For example a `Retry` renders as `{"type": "object", "description":
/// "Tries a step ...", "properties": {"attempts": {"type": "integer",
/// "minimum": 1, "description": "..."}, ...}, "required": [...],
/// "additionalProperties": false}`.
public enum ProcedureSchema {
  public static let dialect = "https://json-schema.org/draft/2020-12/schema"

  public static func render() -> String { document.text + "\n" }

  static var document: JSONNode {
    guard let root = FileFormat.object(named: FileFormat.root) else { return .object([]) }
    let schemaKey: (String, JSONNode) = (
      "$schema",
      .object([
        ("type", .string("string")),
        (
          "description",
          .string(
            "The JSON Schema an editor checks this file against, e.g. procedure.schema.json as `gen-migration schema` writes it; gen-migration itself ignores it."
          )
        ),
      ])
    )
    var members: [(String, JSONNode)] = [
      ("$schema", .string(dialect)),
      ("title", .string("gen-migration procedure file, format \(FileFormat.version)")),
    ]
    members += object(root, extraProperties: [schemaKey])
    let definitions =
      FileFormat.objects.filter { $0.name != root.name }.map {
        ($0.name, JSONNode.object(object($0)))
      }
      + FileFormat.enumerations.map { ($0.name, enumeration($0)) }
    members.append(("$defs", .object(definitions)))
    return .object(members)
  }

  private static func object(_ object: FormatObject, extraProperties: [(String, JSONNode)] = [])
    -> [(String, JSONNode)]
  {
    var members: [(String, JSONNode)] = [
      ("type", .string("object")), ("description", .string(object.summary)),
    ]
    guard object.variants.isEmpty else {
      let kinds = object.variants.map(\.kind)
      members.append(
        (
          "properties",
          .object([
            (
              "kind",
              .object([
                ("enum", .array(kinds.map(JSONNode.string))),
                (
                  "description",
                  .string("Names the variant: one of \(kinds.joined(separator: ", ")).")
                ),
              ])
            )
          ])
        ))
      members.append(("required", .array([.string("kind")])))
      members.append(("oneOf", .array(object.variants.map(variant))))
      return members
    }
    members += closed(object.fields, extraProperties: extraProperties)
    if !object.exactlyOneOf.isEmpty {
      let groups = object.exactlyOneOf.map { group in
        JSONNode.object([
          (
            "oneOf",
            .array(group.map { .object([("required", .array([.string($0)]))]) })
          )
        ])
      }
      members.append(("allOf", .array(groups)))
    }
    return members
  }

  private static func variant(_ variant: FormatVariant) -> JSONNode {
    let kind: (String, JSONNode) = (
      "kind",
      .object([("const", .string(variant.kind)), ("description", .string(variant.summary))])
    )
    return .object(
      [("type", .string("object")), ("description", .string(variant.summary))]
        + closed(variant.fields, leadingProperties: [kind], leadingRequired: ["kind"]))
  }

  /// `properties`, `required` and `additionalProperties: false`.
  private static func closed(
    _ fields: [FormatField], leadingProperties: [(String, JSONNode)] = [],
    leadingRequired: [String] = [], extraProperties: [(String, JSONNode)] = []
  ) -> [(String, JSONNode)] {
    let properties = extraProperties + leadingProperties + fields.map { ($0.name, field($0)) }
    let required = leadingRequired + fields.filter(\.isRequired).map(\.name)
    return [
      ("properties", .object(properties)),
      ("required", .array(required.map(JSONNode.string))),
      ("additionalProperties", .bool(false)),
    ]
  }

  private static func field(_ field: FormatField) -> JSONNode {
    guard case .object(let members) = value(field.value) else { return value(field.value) }
    return .object(members + [("description", .string(FormatText.description(of: field)))])
  }

  static func value(_ value: FormatValue) -> JSONNode {
    switch value {
    case .text: .object([("type", .string("string"))])
    case .pattern(_, let expression):
      .object([("type", .string("string")), ("pattern", .string(expression))])
    case .wholeNumber(let minimum):
      .object([("type", .string("integer"))] + (minimum.map { [("minimum", .number($0))] } ?? []))
    case .boolean: .object([("type", .string("boolean"))])
    case .constant(let number): .object([("const", .number(number))])
    case .list(let element):
      .object([("type", .string("array")), ("items", self.value(element))])
    case .object(let name), .enumeration(let name):
      .object([("$ref", .string("#/$defs/\(name)"))])
    case .either(let choices): .object([("oneOf", .array(choices.map(self.value)))])
    }
  }

  private static func enumeration(_ enumeration: FormatEnumeration) -> JSONNode {
    let values = enumeration.values.map { "\($0.value): \($0.summary)" }.joined(separator: " ")
    return .object([
      ("type", .string("string")),
      ("enum", .array(enumeration.values.map { .string($0.value) })),
      ("description", .string("\(enumeration.summary) \(values)")),
    ])
  }
}
