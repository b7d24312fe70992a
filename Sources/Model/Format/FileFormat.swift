/// The procedure file's format, described once: every object with its
/// fields (the JSON type, whether it is required and what its absence
/// means, what it is for) and every enumeration with its values.
/// `gen-migration schema` renders it as a JSON Schema (draft 2020-12) and as
/// `docs/procedure-format.md`; a test proves each object's fields are
/// exactly the keys the strict decoder accepts for it, so neither can drift.
///
/// For example `FileFormat.object(named: "Retry")` has the fields
/// `attempts` (a whole number of at least 1, required) and `delaySeconds`.
public enum FileFormat {
  /// The type of a whole file.
  public static let root = "Procedure"

  /// The format version this description is of.
  public static var version: Int { Procedure.currentFormatVersion }

  /// Every object type, the root first, then in the order a file nests them.
  public static let objects: [FormatObject] =
    procedureObjects + phaseObjects + stepObjects + [action, outputCheck, expectation]

  /// Every enumeration a field takes its value from.
  public static let enumerations: [FormatEnumeration] = [parameterKind, admonitionKind]

  public static func object(named name: String) -> FormatObject? {
    objects.first { $0.name == name }
  }

  public static func enumeration(named name: String) -> FormatEnumeration? {
    enumerations.first { $0.name == name }
  }
}

/// An object of the file, such as a `Step`: its fields, and for an object
/// whose `kind` picks its shape (an `Action`), one variant per kind.
public struct FormatObject: Sendable, Equatable {
  /// The model's type name, e.g. `Step`.
  public var name: String
  public var summary: String
  /// The fields every object of the type has (besides `kind`, for variants).
  public var fields: [FormatField]
  /// When not empty, the object's `kind` names one of these, and the
  /// object has the variant's fields besides the common ones.
  public var variants: [FormatVariant]
  /// Groups of optional fields of which exactly one must be given.
  public var exactlyOneOf: [[String]]

  public init(
    _ name: String, _ summary: String, fields: [FormatField] = [],
    variants: [FormatVariant] = [], exactlyOneOf: [[String]] = []
  ) {
    self.name = name
    self.summary = summary
    self.fields = fields
    self.variants = variants
    self.exactlyOneOf = exactlyOneOf
  }

  /// The fields of the variant `kind` (with `kind` itself), or the fields of
  /// an object without variants: the keys a file may write.
  public func keys(kind: String? = nil) -> [String] {
    guard !variants.isEmpty else { return fields.map(\.name) }
    let variant = variants.first { $0.kind == kind }
    return ["kind"] + fields.map(\.name) + (variant?.fields.map(\.name) ?? [])
  }
}

/// One shape of an object whose `kind` picks it: `{"kind": "shell", "command": "..."}`.
public struct FormatVariant: Sendable, Equatable {
  /// The value of `kind`, e.g. `shell`.
  public var kind: String
  public var summary: String
  public var fields: [FormatField]

  public init(_ kind: String, _ summary: String, fields: [FormatField]) {
    self.kind = kind
    self.summary = summary
    self.fields = fields
  }
}

/// One key of an object: `"intervalSeconds": 5`.
public struct FormatField: Sendable, Equatable {
  public enum Presence: Sendable, Equatable {
    /// The key must be there.
    case required
    /// The key may be left out; the text says what that means, e.g. "none".
    case optional(absent: String)
  }

  public var name: String
  public var value: FormatValue
  public var presence: Presence
  /// What the field means, in a sentence or two.
  public var summary: String

  public init(_ name: String, _ value: FormatValue, _ presence: Presence, _ summary: String) {
    self.name = name
    self.value = value
    self.presence = presence
    self.summary = summary
  }

  public var isRequired: Bool { presence == .required }
}

/// The JSON value a field holds.
public indirect enum FormatValue: Sendable, Equatable {
  /// Any string.
  case text
  /// A string matching a regular expression, named for the reader in
  /// markdown: `.pattern("a version such as `1.0`", "^[0-9]+(\\.[0-9]+)*$")`.
  case pattern(String, String)
  /// A whole number (a JSON number without fraction) of at least `minimum`.
  case wholeNumber(minimum: Int?)
  /// `true` or `false`.
  case boolean
  /// Exactly this whole number.
  case constant(Int)
  /// A list of values.
  case list(FormatValue)
  /// An object of the named `FormatObject`.
  case object(String)
  /// A string among the values of the named `FormatEnumeration`.
  case enumeration(String)
  /// Any one of these.
  case either([FormatValue])
}

/// A set of string values, such as a parameter's kinds.
public struct FormatEnumeration: Sendable, Equatable {
  public var name: String
  public var summary: String
  /// Each value with what it means, in the model's order.
  public var values: [(value: String, summary: String)]

  public init(_ name: String, _ summary: String, values: [(value: String, summary: String)]) {
    self.name = name
    self.summary = summary
    self.values = values
  }

  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.name == rhs.name && lhs.summary == rhs.summary
      && lhs.values.map(\.value) == rhs.values.map(\.value)
      && lhs.values.map(\.summary) == rhs.values.map(\.summary)
  }
}
