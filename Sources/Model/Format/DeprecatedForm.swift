/// Told by a model type's `init(from:)` about a form of the file that
/// still decodes but should be rewritten, such as a wait's timeout written
/// as the string `"600"`. A decoder that wants to warn puts one in its
/// `userInfo` under `CodingUserInfoKey.deprecatedForms`; other decoders
/// (Foundation's `JSONDecoder`) read the old form silently.
public protocol DeprecatedFormReporter: AnyObject {
  /// `advice` says what to write instead, e.g. "write the number 600".
  func deprecated(at codingPath: [any CodingKey], _ advice: String)
}

extension CodingUserInfoKey {
  /// Where a `DeprecatedFormReporter` is found in a decoder's `userInfo`.
  public static let deprecatedForms = CodingUserInfoKey(rawValue: "gen-migration.deprecatedForms")!
}
