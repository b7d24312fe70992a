import Model

/// Pachyderm major-version migration (source:
/// `shared/seeds/001_41d052f03e3f1e65.txt`): pause the old cluster, back it
/// up without objects while its bucket is cloned, resume it, then restore the
/// backup into a new cluster deployed on the clone, and retire the old one.
public enum Pachyderm {
  public static let version1 = Procedure(
    id: "pachyderm",
    title: "Pachyderm major-version migration",
    version: "1.0",
    summary:
      "Moves a Pachyderm cluster to a new major release (such as 1.8.7 to 1.9.0) by building a new cluster beside the old one: the old cluster is paused, backed up without objects while its object store bucket is cloned, and resumed with a checkpoint; a new cluster is deployed on the cloned bucket, restored from the backup and fed the data loaded since the checkpoint; then the old cluster is disabled. Run the `old-cluster` phase against the old cluster, `new-cluster` against the new one, then `retire` against the old one.",
    source: "Pachyderm Migration documentation (`shared/seeds/001_41d052f03e3f1e65.txt`)",
    requirements: Requirements(
      tools: ["aws", "awk", "jq", "kubectl", "mkdir", "mv", "pachctl", "sleep", "xargs"],
      accesses: [
        "A backup of the old Pachyderm cluster (see the Pachyderm backup documentation).",
        "kubectl contexts for the old cluster and for the cluster that will hold the new one (they may be the same Kubernetes cluster, with the new Pachyderm in another namespace).",
        "pachctl contexts for the old Pachyderm cluster and for the new one.",
        "AWS credentials that can read the old cluster's bucket and write the clone.",
      ]),
    admonitions: [
      .note(
        "To upgrade between point releases of one major release, such as 1.9.4 to 1.9.5, follow the Pachyderm upgrade procedure instead: a migration is only needed between major releases."
      ),
      .note(
        "Migrating from 1.7.x to 1.8.x this way can be a fairly lengthy process. If your requirements fit, it may be easier to create a new 1.8 or greater cluster and reload your latest source data into your input repositories. You may wish to keep your original 1.7 cluster around in a suspended state, reactivating it in case you need access to that provenance data."
      ),
      .warning(
        "Your data loading operations must be designed to restart from a checkpoint (see \"Loading data from other sources into Pachyderm\" in the backup documentation): the old cluster keeps running while the new one is built, and the new one is fed the data loaded since the checkpoint."
      ),
    ],
    limitations: [
      "The bucket is cloned with `aws s3 sync`, so only an S3 object store is cloned by the script. For Google Cloud Storage (`gsutil cp`) or Azure Blob Storage (`azcopy`), the bucket has to be cloned with those tools instead.",
      "The phases run pachctl 1.9.1 or later (the preflight checks it): the commands are those of the 1.9.x documentation (`pachctl config`, `pachctl stop pipeline`), which a 1.8 pachctl lacks. The source's own example, from 1.8.7 to 1.9.0, therefore needs a 1.9.x pachctl (1.9.1 or later) on the workstation while the old cluster's pachd still runs 1.8.7.",
      "Deploying the new Pachyderm cluster is not scripted: the source gives no command for it, as the deployment depends on your cloud and Kubernetes set-up.",
    ],
    parameters: { parameters },
    phases: {
      oldCluster
      newCluster
      retire
    },
    corrections: { corrections }
  ).traced(steps: sourceLines, corrections: changedLines, omissions: omissions)
}
