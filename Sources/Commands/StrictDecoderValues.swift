import Model

extension StrictDecoder {
  /// Decodes `value` as `T`: strings, booleans and numbers directly (a
  /// whole number only from a literal that is one), enumerations checked
  /// against their cases, everything else through `T(from:)`.
  func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, at path: [any CodingKey])
    throws -> T
  {
    if T.self == String.self || T.self == Bool.self {
      let scalar: Any? =
        switch value.kind {
        case .string(let text): T.self == String.self ? text : nil
        case .bool(let flag): T.self == Bool.self ? flag : nil
        default: nil
        }
      guard let result = scalar as? T else { throw mismatch(T.self, value, path) }
      return result
    }
    if let integer = T.self as? any FixedWidthInteger.Type,
      let result = try wholeNumber(integer, from: value, at: path) as? T
    {
      return result
    }
    if T.self == Double.self || T.self == Float.self {
      guard case .number(let literal) = value.kind, let number = Double(literal) else {
        throw mismatch(T.self, value, path)
      }
      let result: Any = T.self == Float.self ? Float(number) : number
      if let result = result as? T { return result }
    }
    if let enumeration = T.self as? any (CaseIterable & RawRepresentable).Type,
      case .string(let text) = value.kind
    {
      let allowed = Self.rawValues(enumeration)
      if !allowed.contains(text) {
        throw ProcedureFileProblem.notOneOf(
          text, allowed: allowed, path: JSONPath(path).description, location(value.offset))
      }
    }
    noteDecoding(T.self, value, at: path)
    return try T(from: NodeDecoder(value: value, codingPath: path, strict: self))
  }

  private static func rawValues<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> [String] {
    type.allCases.map { "\($0.rawValue)" }
  }

  private func wholeNumber<I: FixedWidthInteger>(
    _ type: I.Type, from value: JSONValue, at path: [any CodingKey]
  ) throws -> I {
    guard case .number(let literal) = value.kind else { throw mismatch(I.self, value, path) }
    if let number = I(literal) { return number }
    let place = JSONPath(path).description
    if let number = Double(literal), number.rounded() == number {
      if let whole = I(exactly: number) { return whole }
      throw ProcedureFileProblem.invalidValue(
        "\(literal) is too large; a whole number from \(I.min) to \(I.max) is needed", path: place,
        location(value.offset))
    }
    throw ProcedureFileProblem.notWholeNumber(literal, path: place, location(value.offset))
  }

  /// `value` is not a `type`; null counts as missing.
  func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
    let context = DecodingError.Context(codingPath: path, debugDescription: value.description)
    return value.isNull
      ? .valueNotFound(type, context) : .typeMismatch(type, context)
  }
}

/// The `Decoder` a model type's `init(from:)` reads one value through.
struct NodeDecoder: Decoder {
  let value: JSONValue
  let codingPath: [any CodingKey]
  let strict: StrictDecoder
  /// The strict decoder itself, to hear of deprecated forms.
  var userInfo: [CodingUserInfoKey: Any] { [.deprecatedForms: strict] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let object) = value.kind else {
      throw strict.mismatch([String: Any].self, value, codingPath)
    }
    strict.noteVisited(value)
    return KeyedDecodingContainer(
      KeyedNodeContainer<Key>(node: value, object: object, codingPath: codingPath, strict: strict))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let elements) = value.kind else {
      throw strict.mismatch([Any].self, value, codingPath)
    }
    return UnkeyedNodeContainer(elements: elements, codingPath: codingPath, strict: strict)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    SingleNodeContainer(value: value, codingPath: codingPath, strict: strict)
  }
}

/// One value, such as a `Version`'s string.
struct SingleNodeContainer: SingleValueDecodingContainer {
  let value: JSONValue
  let codingPath: [any CodingKey]
  let strict: StrictDecoder

  func decodeNil() -> Bool { value.isNull }
  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try strict.decode(type, from: value, at: codingPath)
  }
  func decode(_ type: Bool.Type) throws -> Bool { try scalar(type) }
  func decode(_ type: String.Type) throws -> String { try scalar(type) }
  func decode(_ type: Double.Type) throws -> Double { try scalar(type) }
  func decode(_ type: Float.Type) throws -> Float { try scalar(type) }
  func decode(_ type: Int.Type) throws -> Int { try scalar(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try scalar(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try scalar(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try scalar(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try scalar(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type) }

  private func scalar<T: Decodable>(_ type: T.Type) throws -> T {
    try strict.decode(type, from: value, at: codingPath)
  }
}
