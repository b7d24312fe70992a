/// The JSON form of a wait: `timeoutSeconds` is a number of whole seconds
/// (`600`) or a string that names one integer parameter (`"${WAIT_TIMEOUT}"`).
/// A string of digits (`"600"`), the first form of format 1, still decodes,
/// and a `DeprecatedFormReporter` in the decoder's `userInfo` hears of it.
extension WaitCondition {
  enum CodingKeys: String, CodingKey {
    case description, condition, intervalSeconds, timeoutSeconds
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    description = try container.decode(String.self, forKey: .description)
    condition = try container.decode(String.self, forKey: .condition)
    intervalSeconds = try container.decode(Int.self, forKey: .intervalSeconds)
    do {
      timeoutSeconds = try container.decode(String.self, forKey: .timeoutSeconds)
      if let seconds = Int(timeoutSeconds) {
        let reporter = decoder.userInfo[.deprecatedForms] as? any DeprecatedFormReporter
        reporter?.deprecated(
          at: container.codingPath + [CodingKeys.timeoutSeconds],
          "a timeout as a string of digits (\"\(timeoutSeconds)\") is deprecated; write the number \(seconds)"
        )
      }
    } catch DecodingError.typeMismatch {
      do {
        timeoutSeconds = String(try container.decode(Int.self, forKey: .timeoutSeconds))
      } catch DecodingError.typeMismatch(_, let context) {
        throw DecodingError.dataCorrupted(
          DecodingError.Context(
            codingPath: container.codingPath + [CodingKeys.timeoutSeconds],
            debugDescription:
              "expected whole seconds (a number such as 600) or a string naming an integer parameter (\"${WAIT_TIMEOUT}\"), found \(context.debugDescription)"
          ))
      }
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(description, forKey: .description)
    try container.encode(condition, forKey: .condition)
    try container.encode(intervalSeconds, forKey: .intervalSeconds)
    if let seconds = Int(timeoutSeconds), String(seconds) == timeoutSeconds {
      try container.encode(seconds, forKey: .timeoutSeconds)
    } else {
      try container.encode(timeoutSeconds, forKey: .timeoutSeconds)
    }
  }
}
