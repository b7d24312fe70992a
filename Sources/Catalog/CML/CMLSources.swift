import Model

/// Where each command line of the CDSW to CML migration document
/// (`shared/seeds/000_c03035f39e560ae8.txt`) went: `gen-migration trace
/// cml SOURCE` lists them. A loop is referenced by its lines together, so
/// that its `done` is claimed by the step that runs that loop.
extension CML {
  static let exportStopLoop: SourceReference = """
    for d in web feature-flags usage-reporter model-proxy cron; do
    kubectl scale deployment $d --replicas=0
    done
    """
  static let exportStartLoops: SourceReference = """
    for d in feature-flags usage-reporter model-proxy cron; do
    kubectl scale deployment $d --replicas=1
    done
    for d in web; do
    kubectl scale deployment $d --replicas=3
    done
    """
  static let importStopLoop: SourceReference = """
    for d in web feature-flags usage-reporter model-proxy cron metering; do
    kubectl scale deployment -n ${NAMESPACE} $d --replicas=0
    done
    """
  static let importStartLoops: SourceReference = """
    for d in feature-flags usage-reporter model-proxy cron ; do
    kubectl scale deployment -n ${NAMESPACE} $d --replicas=1
    done
    for d in web; do
    kubectl scale deployment -n ${NAMESPACE} $d --replicas=3
    done
    """
  static let siteConfigCopy: SourceReference =
    "kubectl cp ${NAMESPACE}/db-0:/tmp/$site_config.csv ${TEMP_DIR}/site_config.csv"
  static let engineImageSed: SourceReference =
    #"sed 's/^[[:digit:]]\+,Default engine image/Default engine image/g' >> ${TEMP_DIR}/engine_images2.csv"#
  static let copyUsers: SourceReference =
    #"psql -U sense -c "COPY users(${CSV_COLUMNS}) FROM '/tmp/users.csv' DELIMITER ',' CSV HEADER""#
  static let copyEngineImages: SourceReference =
    #"psql -U sense -c "COPY engine_images(${CSV_COLUMNS}) FROM '/tmp/engine_images.csv' DELIMITER ',' CSV HEADER""#

  static let sourceLines: KeyValuePairs<String, [SourceReference]> = [
    "stop-cdsw-database-clients": [exportStopLoop],
    "dump-database": [
      "DB_POD=$(kubectl get pod | grep ^db | grep -v ^db-migrate | awk '{ print $1 }')",
      "kubectl exec ${DB_POD} -- pg_dump -U sense",
    ],
    "start-cdsw-database-clients": [exportStartLoops],
    "archive-dump-and-projects": [
      "tar --exclude='projects/scratch/*' -czf cml-migration.tar.gz -C `pwd` db.sql projects"
    ],
    "remove-database-dump": ["rm /var/lib/cdsw/current/db.sql"],
    "stop-database-clients": [importStopLoop],
    "save-site-config": [
      #"psql -U sense -c "COPY (SELECT * FROM site_config) TO '/tmp/site_config.csv' DELIMITER ',' CSV HEADER""#,
      siteConfigCopy,
    ],
    "save-default-engine-image": [
      #"psql -U sense -c "COPY (SELECT * FROM engine_images WHERE id=(SELECT MAX(id) FROM engine_images)) TO '/tmp/engine_images.csv' DELIMITER ',' CSV HEADER""#,
      "kubectl cp ${NAMESPACE}/db-0:/tmp/engine_images.csv ${TEMP_DIR}/engine_images1.csv",
      "cat ${TEMP_DIR}/engine_images1.csv | head -1 | sed -e 's/^id,//' > ${TEMP_DIR}/engine_images2.csv",
      engineImageSed,
    ],
    "save-admin-user": [
      #"psql -U sense -c "COPY (SELECT * FROM users WHERE admin=TRUE) TO '/tmp/users.csv' DELIMITER ',' CSV HEADER""#,
      "kubectl cp ${NAMESPACE}/db-0:/tmp/users.csv ${TEMP_DIR}/users.csv",
    ],
    "stop-database": ["kubectl scale statefulset -n ${NAMESPACE} db --replicas=0"],
    "create-helper-pod": [
      "cat > ${TEMP_DIR}/cml-migration-pod.yaml<<EOF",
      "kubectl apply -f ${TEMP_DIR}/cml-migration-pod.yaml",
    ],
    "check-no-existing-projects": [
      "kubectl exec cml-migration-pod -n ${NAMESPACE} -- find /migration/projects/projects -type f"
    ],
    "copy-archive-to-helper-pod": [
      "kubectl cp cml-migration.tar.gz ${NAMESPACE}/cml-migration-pod:/migration/backup.tar.gz",
      "kubectl exec cml-migration-pod -n ${NAMESPACE} -- mkdir -p /migration/backup",
      "kubectl exec cml-migration-pod -n ${NAMESPACE} -- tar xzf /migration/backup.tar.gz -C /migration/backup",
    ],
    "copy-project-files": [
      "kubectl exec cml-migration-pod -n ${NAMESPACE} -- cp -rf /migration/backup/projects /migration/",
      "kubectl exec cml-migration-pod -n ${NAMESPACE} -- chown -R 8536:8536 /migration/projects",
    ],
    "back-up-database-files": [
      "-- mv /migration/db-versioned/11 /migration/db-versioned/11.cml-migrate.$(date -Iseconds)",
      "-- cp -r /migration/backup/db.sql /migration/db-versioned/db.sql",
    ],
    "delete-helper-pod": ["kubectl delete pod cml-migration-pod -n ${NAMESPACE}"],
    "start-database": ["kubectl scale statefulset -n ${NAMESPACE} db --replicas=1"],
    "replace-database": [
      "psql -U sense -c 'DROP SCHEMA public CASCADE;'",
      "psql -U sense -c 'DROP SCHEMA feature_flags CASCADE;'",
      "psql -U sense -c 'CREATE SCHEMA public;'",
      "bash -c 'psql -U sense < /data-versioned/db.sql'",
    ],
    "clear-quotas": [
      "psql -U sense -c 'TRUNCATE custom_quota'", "psql -U sense -c 'TRUNCATE default_quota'",
    ],
    "rerun-db-migrations": [
      "MIGRATION_JOB=$(kubectl get jobs -n ${NAMESPACE} | grep ^db-migrate | awk '{ print $1 }')",
      "kubectl get job -n ${NAMESPACE} ${MIGRATION_JOB} -o yaml | grep -v controller-uid > ${TEMP_DIR}/db-migrations.yaml",
      "kubectl delete job ${TEMP_DIR}/db-migrations.yaml -n ${NAMESPACE}",
      "kubectl apply -f ${TEMP_DIR}/db-migrations.yaml -n ${NAMESPACE}",
    ],
    "import-admin-user": [
      "kubectl cp ${TEMP_DIR}/users.csv ${NAMESPACE}/db-0:/tmp/users.csv",
      "CSV_COLUMNS=$(cat ${TEMP_DIR}/users.csv | head -n1)", copyUsers,
      "kubectl exec db-0 -n ${NAMESPACE} -- rm /tmp/users.csv",
    ],
    "import-engine-image": [
      "kubectl cp ${TEMP_DIR}/engine_images2.csv ${NAMESPACE}/db-0:/tmp/engine_images.csv",
      "CSV_COLUMNS=$(cat ${TEMP_DIR}/engine_images2.csv | head -n1)", copyEngineImages,
      "kubectl exec db-0 -n ${NAMESPACE} -- rm /tmp/engine_images.csv",
    ],
    "restore-site-config": [
      "kubectl cp ${TEMP_DIR}/site_config.csv ${NAMESPACE}/db-0:/tmp/site_config.csv",
      #"psql -U sense -c "TRUNCATE site_config""#,
      #"psql -U sense -c "COPY site_config FROM '/tmp/site_config.csv' DELIMITER ',' CSV HEADER""#,
      #"psql -U sense -c "UPDATE site_config SET default_engine_image_id=(SELECT MAX(id) FROM engine_images)""#,
      "kubectl exec db-0 -n ${NAMESPACE} -- rm /tmp/site_config.csv",
    ],
    "pause-jobs-and-stop-applications": [
      "UPDATE jobs SET paused=true;", "UPDATE applications SET status='stopped';",
    ],
    "make-project-slugs-unique": [
      "UPDATE projects SET slug = slug || '-cdsw-user-' || user_id WHERE slug IN (SELECT slug FROM projects GROUP BY slug HAVING COUNT(*) > 1)"
    ],
    "transfer-ownership-to-admin": [
      "UPDATE projects SET user_id=(SELECT MAX(id) FROM users), creator_id=(SELECT MAX(id) FROM users);",
      "UPDATE jobs SET creator_id=(SELECT MAX(id) FROM users);",
      "UPDATE batch_runs SET user_id=(SELECT MAX(id) FROM users);",
      "UPDATE models SET creator_id=(SELECT MAX(id) FROM users);",
      "UPDATE applications SET creator_id=(SELECT MAX(id) FROM users);",
      "UPDATE build_details SET user_id=(SELECT MAX(id) FROM users);",
      "UPDATE projects_engine_images SET engine_image_id=(SELECT MAX(id) FROM engine_images);",
    ],
    "delete-irrelevant-context": [
      "DELETE FROM invitations;",
      "TRUNCATE access_keys, authorized_keys, followers, job_notifications, kerberos,",
    ],
    "list-users-to-delete": ["SELECT * FROM users WHERE id != (SELECT MAX(id) FROM users);"],
    "delete-previous-users": ["DELETE FROM users WHERE id != (SELECT MAX(id) FROM users);"],
    "reset-database-password": [
      #"psql -U sense -c \"ALTER USER sense WITH PASSWORD '\$(echo \${POSTGRES_PASSWORD})'\""#,
      "kubectl delete pod db-0 -n ${NAMESPACE}",
    ],
    "start-services": [importStartLoops],
  ]

  static let changedLines: KeyValuePairs<String, [SourceReference]> = [
    "A stray `then` after `chown`": ["-- chown -R 8536:8536 /migration/projects; then"],
    "`$site_config` is never set": [siteConfigCopy],
    "`kubectl delete job` given a file path": [
      "kubectl delete job ${TEMP_DIR}/db-migrations.yaml -n ${NAMESPACE}"
    ],
    "The saved job manifest cannot be created again": [
      "-o yaml | grep -v controller-uid > ${TEMP_DIR}/db-migrations.yaml"
    ],
    "A SQL statement without its semicolon": [
      "HAVING COUNT(*) > 1)"
    ],
    "A backslash line continuation inside SQL": ["TRUNCATE access_keys, authorized_keys"],
    "Moving the live database directory away": [
      "-- mv /migration/db-versioned/11 /migration/db-versioned/11.cml-migrate.$(date -Iseconds)"
    ],
    "`metering` is scaled down and never scaled back up": [
      "for d in web feature-flags usage-reporter model-proxy cron metering; do",
      "for d in feature-flags usage-reporter model-proxy cron ; do",
    ],
    "Replica counts are guessed when scaling back up": [
      "kubectl scale deployment $d --replicas=1", "kubectl scale deployment $d --replicas=3",
      "kubectl scale deployment -n ${NAMESPACE} $d --replicas=1",
      "kubectl scale deployment -n ${NAMESPACE} $d --replicas=3",
    ],
    "The archive depends on the current directory": ["-C `pwd` db.sql projects"],
    "The admin is chosen by editing a CSV file by hand": [
      #"COPY (SELECT * FROM users WHERE admin=TRUE) TO '/tmp/users.csv'"#
    ],
    "The engine image's id is removed for one description only": [engineImageSed],
    "SQL typed into an interactive psql session": [
      "kubectl exec -it db-0 -n ${NAMESPACE} -- psql -U sense"
    ],
    "The restore of the dump ignores errors": ["bash -c 'psql -U sense < /data-versioned/db.sql'"],
    "Re-running the COPY of the admin or of the engine image": [copyUsers, copyEngineImages],
  ]

  static let omissions: [Omission] = [
    Omission(
      "TEMP_DIR=$(mktemp -d)",
      reason:
        "Modelled as the WORK_DIR parameter (default `${HOME}/cml-migration`), not a step: the source itself suggests a directory under `${HOME}` so that the migration's context persists across a restart, which a fresh `mktemp -d` would lose."
    ),
    Omission(
      "NAMESPACE=mlx",
      reason:
        "Modelled as the NAMESPACE parameter, default `mlx`, set with --namespace or the environment, not a step."
    ),
    Omission(
      "rm -r ${TEMP_DIR}",
      reason:
        "The source's optional clean-up once the migration has succeeded; the runbook's Clean up note gives it for WORK_DIR, and the script does not run it, since WORK_DIR holds the saved tables and replica counts a failed migration needs."
    ),
  ]
}
