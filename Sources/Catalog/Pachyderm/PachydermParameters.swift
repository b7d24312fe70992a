import Model

extension Pachyderm {
  /// The phases that talk to the old cluster.
  static let oldPhases = ["old-cluster", "retire"]

  static let parameters: [Parameter] = [
    Parameter(
      "KUBE_CONTEXT",
      "The kubectl context of the old cluster, checked before the old-cluster and retire phases.",
      required: true, phases: oldPhases),
    Parameter(
      "PACH_CONTEXT",
      "The pachctl context of the old Pachyderm cluster, checked before the old-cluster phase.",
      required: true, phases: ["old-cluster"]),
    Parameter(
      "NAMESPACE",
      "The Kubernetes namespace of the old Pachyderm cluster (the one its pachd service and deployment are in); the new cluster goes into another one.",
      required: true, phases: oldPhases),
    Parameter(
      "NEW_KUBE_CONTEXT",
      "The kubectl context of the cluster that holds the new Pachyderm cluster, checked before the new-cluster phase (it may equal KUBE_CONTEXT).",
      required: true, phases: ["new-cluster"]),
    Parameter(
      "NEW_PACH_CONTEXT",
      "The pachctl context of the new Pachyderm cluster, checked before the new-cluster phase.",
      required: true, phases: ["new-cluster"]),
    Parameter(
      "PACH_VERSION",
      "The Pachyderm version the new cluster runs, e.g. 1.9.0: pachd of the new cluster must report it.",
      required: true, phases: ["new-cluster"]),
    Parameter(
      "WORK_DIR",
      "Where the backup and the saved pachd service specs are written.",
      default: "${HOME}/pachyderm-migration", phases: ["old-cluster", "new-cluster", "retire"]),
    Parameter(
      "BACKUP_URL",
      "An object store URL of an object (s3://bucket/key), in a bucket other than the two below, to which the backup without objects is copied with `aws s3 cp` and from which the new-cluster phase reads it; empty keeps the backup in WORK_DIR/pachyderm-backup only.",
      default: "", phases: ["old-cluster", "new-cluster"]),
    Parameter(
      "SOURCE_BUCKET", "The old cluster's object store bucket, e.g. s3://mybucket.",
      required: true, phases: ["old-cluster"]),
    Parameter(
      "CLONE_BUCKET",
      "The bucket to clone it into, for the new cluster, e.g. s3://mybucket2.",
      required: true, phases: ["old-cluster"], rules: [.differsFrom("SOURCE_BUCKET")]),
    Parameter(
      "PAUSE_DATA_LOADING",
      "yes to stop all outside data loading by moving pachd's service from port 30650 to 30649 while the backup runs (and back afterwards).",
      default: "no", kind: .yesNo, phases: ["old-cluster"]),
    Parameter(
      "PACHD_HOST",
      "The cluster IP or host name at which you reach pachd, to move its port.",
      default: "", phases: ["old-cluster"],
      rules: [.requiredWhen(parameter: "PAUSE_DATA_LOADING", value: "yes")]),
    Parameter(
      "WAIT_TIMEOUT", "Seconds to wait for pipelines to pause and for the new pachd to answer.",
      default: "600", kind: .integer, phases: ["old-cluster", "new-cluster"]),
  ]
}
