import Model

/// Where each command line of the AtlasDB KVS migration document
/// (`shared/seeds/003_a2ec046d7078a9ac.txt`) went: `gen-migration trace
/// atlasdb SOURCE` lists them.
extension AtlasDB {
  static let setupLine: SourceReference =
    "./bin/atlasdb-cli --offline migrate --fromConfig from.yml --migrateConfig to.yml --setup"
  static let migrateLine: SourceReference =
    "./bin/atlasdb-cli --offline migrate --fromConfig from.yml --migrateConfig to.yml --migrate"
  static let validateLine: SourceReference =
    "./bin/atlasdb-cli --offline migrate --fromConfig from.yml --migrateConfig to.yml --validate"
  static let combinedLine: SourceReference =
    "./bin/atlasdb-cli --offline migrate --fromConfig from.yml --migrateConfig to.yml --setup --migrate --validate"

  /// Each step carries its own command and its part of the combined one.
  static let sourceLines: KeyValuePairs<String, [SourceReference]> = [
    "setup": [setupLine, combinedLine],
    "migrate": [migrateLine, combinedLine],
    "validate": [validateLine, combinedLine],
  ]

  static let changedLines: KeyValuePairs<String, [SourceReference]> = [
    "The target configuration must be named": [setupLine, migrateLine, validateLine],
    "The three commands run as separate steps": [combinedLine],
    "A failed validation fails the step": [validateLine],
  ]
}
