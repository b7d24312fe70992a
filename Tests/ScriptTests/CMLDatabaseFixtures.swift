/// The databases of the emulated migration: the CML workspace's before the
/// import, the CDSW dump that the archive carries, and what the workspace's
/// db-migrations job does to an older (CDSW) schema. The CML schema has two
/// columns CDSW's lacks (`users.sso_id`, `site_config.theme`): the saved
/// workspace rows can go back in only after the migrations job ran, as in
/// the real workspace. Foreign keys to `users` make the order of the
/// ownership transfer and the user deletion matter.
enum CMLDatabaseFixtures {
  /// Tables both schemas have, without rows of their own in the workspace.
  static let contextTables = [
    "access_keys", "authorized_keys", "followers", "job_notifications", "kerberos", "licenses",
    "model_builds", "model_deployments", "password_resets", "projects_users",
    "project_invitations", "organization_members", "organization_invitations",
    "shared_job_run_acl", "shared_session_acl", "ssh_keys", "stars", "user_billing",
    "user_events", "waiting", "watchers",
  ]

  /// The tables shared by both schemas, `users` columns left to the caller.
  static func schema(userColumns: String, siteConfigColumns: String) -> String {
    """
    CREATE SCHEMA IF NOT EXISTS feature_flags;
    CREATE TABLE feature_flags.flags (name text PRIMARY KEY, enabled boolean NOT NULL);
    CREATE TABLE users (id serial PRIMARY KEY, username text NOT NULL UNIQUE, email text,
      admin boolean NOT NULL DEFAULT false\(userColumns));
    CREATE TABLE engine_images (id serial PRIMARY KEY, description text, repository text NOT NULL);
    CREATE TABLE site_config (id integer PRIMARY KEY, default_engine_image_id integer\(siteConfigColumns));
    CREATE TABLE custom_quota (user_id integer, cpu integer);
    CREATE TABLE default_quota (cpu integer);
    CREATE TABLE projects (id serial PRIMARY KEY, slug text NOT NULL,
      user_id integer REFERENCES users(id), creator_id integer REFERENCES users(id));
    CREATE TABLE jobs (id serial PRIMARY KEY, paused boolean NOT NULL DEFAULT false,
      creator_id integer REFERENCES users(id));
    CREATE TABLE applications (id serial PRIMARY KEY, status text,
      creator_id integer REFERENCES users(id));
    CREATE TABLE batch_runs (id serial PRIMARY KEY, user_id integer REFERENCES users(id));
    CREATE TABLE models (id serial PRIMARY KEY, creator_id integer REFERENCES users(id));
    CREATE TABLE build_details (id serial PRIMARY KEY, user_id integer REFERENCES users(id));
    CREATE TABLE projects_engine_images (project_id integer, engine_image_id integer);
    CREATE TABLE invitations (id serial PRIMARY KEY, email text);
    \(contextTables.map { "CREATE TABLE \($0) (id integer, user_id integer);" }.joined(separator: "\n"))

    """
  }

  /// The new CML workspace: its admin alice, a second user, two engine
  /// images (the newest is the default) and its site configuration.
  static let workspace =
    schema(userColumns: ", sso_id text", siteConfigColumns: ", theme text") + """
      INSERT INTO feature_flags.flags VALUES ('cml-flag', false);
      INSERT INTO users VALUES (1, 'alice', 'alice@cml.example', true, 'sso-alice'),
        (2, 'dave', 'dave@cml.example', false, NULL);
      SELECT setval('users_id_seq', 2);
      INSERT INTO engine_images VALUES (1, 'CML base', 'docker.example/cml/engine:14'),
        (2, 'Workspace default', 'docker.example/cml/engine:15');
      SELECT setval('engine_images_id_seq', 2);
      INSERT INTO site_config VALUES (1, 2, 'dark');

      """

  /// The CDSW database as `pg_dump` writes it into the archive: its users
  /// (bob an admin), two projects with the same slug, quotas, and a row in
  /// every table the import clears.
  static let cdswDump =
    schema(userColumns: "", siteConfigColumns: "") + """
      INSERT INTO feature_flags.flags VALUES ('cdsw-flag', true);
      INSERT INTO users VALUES (1, 'bob', 'bob@cdsw.example', true),
        (2, 'carol', 'carol@cdsw.example', false);
      SELECT setval('users_id_seq', 2);
      INSERT INTO engine_images VALUES (1, 'CDSW base', 'docker.example/cdsw/engine:8');
      SELECT setval('engine_images_id_seq', 1);
      INSERT INTO site_config VALUES (1, 1);
      INSERT INTO custom_quota VALUES (2, 4);
      INSERT INTO default_quota VALUES (8);
      INSERT INTO projects VALUES (1, 'demo', 1, 1), (2, 'demo', 2, 2), (3, 'solo', 2, 2);
      SELECT setval('projects_id_seq', 3);
      INSERT INTO jobs VALUES (1, false, 2);
      INSERT INTO applications VALUES (1, 'running', 2);
      INSERT INTO batch_runs VALUES (1, 1);
      INSERT INTO models VALUES (1, 2);
      INSERT INTO build_details VALUES (1, 2);
      INSERT INTO projects_engine_images VALUES (1, 1);
      INSERT INTO invitations VALUES (1, 'erin@cdsw.example');
      \(contextTables.map { "INSERT INTO \($0) VALUES (1, 2);" }.joined(separator: "\n"))

      """

  /// What the workspace's db-migrations job does: brings a CDSW schema up
  /// to CML's. Safe to run again, as schema migrations are.
  static let migrations = """
    ALTER TABLE users ADD COLUMN IF NOT EXISTS sso_id text;
    ALTER TABLE site_config ADD COLUMN IF NOT EXISTS theme text;

    """
}
