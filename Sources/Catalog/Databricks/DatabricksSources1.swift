import Model

/// Where each command line of the stepwise README
/// (`shared/seeds/002_bb3c1512aa9e7827.txt`) went in 1.0: `gen-migration
/// trace databricks@1.0 SOURCE` lists them. `--workspace` is numbered
/// (`99: ...`) since `--workspace-acls`, two lines below, holds it.
extension Databricks {
  static let sourceLines1: KeyValuePairs<String, [SourceReference]> = [
    "export-users": ["python export_db.py --profile DEMO --users"],
    "export-clusters": ["python export_db.py --profile DEMO --clusters"],
    "export-notebook-paths": ["99: python export_db.py --profile DEMO --workspace"],
    "export-notebooks": ["python export_db.py --profile DEMO --download"],
    "export-workspace-acls": ["python export_db.py --profile DEMO --workspace-acls"],
    "export-jobs": ["python export_db.py --profile DEMO --jobs"],
    // The default and the three variants: one step with parameters.
    "export-metastore": ["python export_db.py --profile DEMO --metastore"],
    "import-users": ["python import_db.py --profile NEW_DEMO --users"],
    "import-clusters": ["python import_db.py --profile NEW_DEMO --clusters"],
    "import-notebooks": ["python import_db.py --profile NEW_DEMO --workspace [--archive-missing]"],
  ]

  /// Every line a step of 1.0 carries: each is one export_db.py or
  /// import_db.py command, which the general corrections change.
  static var toolLines1: [SourceReference] { lines(of: toolSteps1, in: sourceLines1) }

  static let changedLines1: KeyValuePairs<String, [SourceReference]> = [
    "Commands run with python3, from the tool's checkout, on a chosen export directory":
      toolLines1,
    "The metastore variants are parameters": [
      "--metastore --skip-failed", #"--metastore --cluster-name "Test""#,
    ],
    "The optional archive flag is a parameter": ["[--archive-missing]"],
    "SSL verification is switched off by a parameter": [
      "export REQUESTS_CA_BUNDLE=\"\"", "export CURL_CA_BUNDLE=\"\"",
    ],
    "Single-user export and import are left out": [
      "--export-home example@foobar.com", "--import-home example@foobar.com",
    ],
    "The cloud's flag is passed to every tool command": toolLines1,
    "Every command runs in the tool's checkout": toolLines1,
  ]

  static let omissions1 = [
    Omission("python export_db.py --help", reason: helpReason),
    Omission("python import_db.py --help", reason: helpReason),
  ]
}
