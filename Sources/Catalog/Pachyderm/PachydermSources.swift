import Model

/// Where each command line of the Pachyderm migration document
/// (`shared/seeds/001_41d052f03e3f1e65.txt`) went: `gen-migration trace
/// pachyderm SOURCE` lists them. A snippet matches every line that holds
/// it, so `pachctl list pipeline` names both of the source's checks.
extension Pachyderm {
  static let sourceLines: KeyValuePairs<String, [SourceReference]> = [
    "watch-pods": ["watch -n 5 kubectl get pods"],
    "stop-pipelines": [
      "pachctl stop pipeline <pipeline-name>", "pachctl list pipeline",
      "xargs -P3 -n1 -I{} pachctl stop pipeline {}",
    ],
    "close-pachd-port": [
      "kubectl get svc/pachd -o json >pach_service_backup_30650.json",
      "kubectl get svc/pachd -o json | sed 's/30650/30649/g' | kc apply -f -",
      "--pachd-address=<cluster ip>:30649", "pachctl version",
    ],
    "extract-backup": [
      "pachctl extract --no-objects > path/to/your/backup/file",
      "pachctl extract --no-objects --url s3://...",
    ],
    "clone-bucket": ["aws s3 sync s3://mybucket s3://mybucket2"],
    "start-pipelines": [
      "pachctl start pipeline <pipeline-name>", "pachctl list pipeline",
      "xargs -P3 -n1 -I{} pachctl start pipeline {}",
    ],
    "reopen-pachd-port": [
      "kubectl get svc/pachd -o json >pachd_service_backup_30649.json",
      "kubectl get svc/pachd -o json | sed 's/30649/30650/g' | kc apply -f -",
      "--pachd-address=<cluster ip>:30650", "pc version",
    ],
    "restore-backup": [
      "pachctl restore < path/to/your/backup/file", "pachctl restore --url s3://...",
    ],
  ]

  static let changedLines: KeyValuePairs<String, [SourceReference]> = [
    "Shell aliases are spelled out": ["| kc apply -f -", "pc version"],
    "The cluster IP is a parameter": ["--pachd-address=<cluster ip>:"],
    "Paths and buckets are parameters": [
      "path/to/your/backup/file", "s3://...", "aws s3 sync s3://mybucket s3://mybucket2",
    ],
    "Paused and started pipelines are checked": ["pachctl list pipeline"],
    "Every kubectl and pachctl call names its context": [
      "watch -n 5 kubectl get pods", "kubectl get svc/pachd -o json",
      "pachctl list pipeline --raw", "pachctl extract --no-objects",
    ],
    "Only pachd's nodePort is changed, with a patch": [
      "sed 's/30650/30649/g'", "sed 's/30649/30650/g'",
    ],
    "The saved service spec is written once": [
      ">pach_service_backup_30650.json", ">pachd_service_backup_30649.json",
    ],
    "The backup is extracted to a file, then copied to --backup-url": [
      "pachctl extract --no-objects --url s3://..."
    ],
    "A restore runs again only into its own partial restore": [
      "pachctl restore < path/to/your/backup/file"
    ],
    "pachctl must be 1.9.1 or later": [
      "pachctl config update context", "pachctl stop pipeline <pipeline-name>",
    ],
    "Only the pipelines the migration stopped are restarted": [
      "xargs -P3 -n1 -I{} pachctl stop pipeline {}",
      "xargs -P3 -n1 -I{} pachctl start pipeline {}",
    ],
    "The bucket clone prints errors only": ["aws s3 sync s3://mybucket s3://mybucket2"],
  ]

  static let omissions: [Omission] = [
    Omission(
      "etcd",
      reason:
        "The name of the store that holds Pachyderm's state, in prose that happens to stand alone on its line; it is not a command."
    )
  ]
}
