import Model

/// The parameters both editions share.
extension Databricks {
  static let toolDir = Parameter(
    "TOOL_DIR", "Directory of the migrate tool checkout (holds export_db.py and import_db.py).",
    default: ".")
  static let sourceProfile = Parameter(
    "SRC_PROFILE",
    "Databricks CLI profile of the source (old) workspace; the source's examples call it DEMO.",
    required: true)
  static let targetProfile = Parameter(
    "DST_PROFILE",
    "Databricks CLI profile of the target (new) workspace; the source's examples call it NEW_DEMO.",
    required: true)
  static let exportDir = Parameter(
    "EXPORT_DIR",
    "Directory the artifacts are exported to and imported from (--set-export-dir); use one per source workspace.",
    default: "logs")
  static let noSSLVerification = Parameter(
    "NO_SSL_VERIFICATION",
    "yes to make HTTP requests without SSL verification (--no-ssl-verification, with REQUESTS_CA_BUNDLE and CURL_CA_BUNDLE set empty).",
    default: "no", kind: .yesNo)
  static let archiveMissing = Parameter(
    "ARCHIVE_MISSING",
    "yes to import the notebooks of users who no longer exist into /Archive/ (--archive-missing).",
    default: "no", kind: .yesNo, phases: ["import"])
  static let clusterName = Parameter(
    "CLUSTER_NAME",
    "Existing cluster to run the metastore export and import on (--cluster-name), e.g. one with the IAM role the metastore needs; empty launches a small default cluster.",
    default: "")
}
