/* test-cli.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Drives the real idesk binary ($IDESK) as a script would: exit status, stdout, stderr, and what
 * the database holds afterwards. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "desk-test-utils.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = desk_test_make_tmp_dir ();
  fixture->db = g_build_filename (fixture->dir, "incidents.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  desk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Runs idesk with the NULL-terminated arguments; --database comes first unless @db is NULL. */
static void
run_idesk (Run        *run,
           const char *db,
           ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *) g_getenv ("IDESK"));
  if (db != NULL)
    {
      g_ptr_array_add (args, "--database");
      g_ptr_array_add (args, (char *) db);
    }
  va_start (ap, db);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "INCIDENT_DESK_DB");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
assert_one_line_error (Run        *run,
                       const char *fragment)
{
  g_assert_cmpint (run->status, !=, 0);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "idesk: "));
  g_assert_nonnull (strstr (run->err, fragment));
  /* One line of message; a usage error may add the hint to try --help. */
  g_assert_null (strstr (run->err, "CRITICAL"));
  g_assert_null (strstr (run->err, "WARNING"));
}

static char *
add_incident (Fixture    *fixture,
              const char *title)
{
  g_auto(Run) run = { 0 };

  run_idesk (&run, fixture->db, "incident", "add", "--title", title,
             "--detected", "2026-04-14T09:30:00+09:00", "--severity", "high", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_strchomp (run.out);
  g_assert_true (g_uuid_string_is_valid (run.out));
  return g_steal_pointer (&run.out);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_add_list_show (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = add_incident (fixture, "Hosted mail breach");
  g_auto(Run) list = { 0 };
  g_auto(Run) list_json = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) show_json = { 0 };
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autofree char *prefix = g_strndup (id, 8);
  JsonObject *object;

  run_idesk (&list, fixture->db, "incident", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_true (g_str_has_prefix (list.out, prefix));
  g_assert_nonnull (strstr (list.out, "Hosted mail breach"));
  g_assert_nonnull (strstr (list.out, "high"));

  run_idesk (&list_json, fixture->db, "incident", "list", "--json", NULL);
  g_assert_cmpint (list_json.status, ==, 0);
  listed = parse_json (list_json.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 1);

  /* A unique prefix is enough, as with git. */
  run_idesk (&show_json, fixture->db, "incident", "show", prefix, "--json", NULL);
  g_assert_cmpint (show_json.status, ==, 0);
  shown = parse_json (show_json.out);
  object = json_node_get_object (shown);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Hosted mail breach");
  g_assert_cmpstr (json_object_get_string_member (object, "detected_at"), ==,
                   "2026-04-14T00:30:00Z");
  g_assert_cmpstr (json_object_get_string_member (object, "severity"), ==, "high");

  run_idesk (&show, fixture->db, "incident", "show", id, NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "Hosted mail breach"));
}

static void
test_stats (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *id = add_incident (fixture, "Directory server intrusion");
  g_auto(Run) run = { 0 };
  g_auto(Run) text = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  run_idesk (&run, fixture->db, "stats", "--incident", id, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  node = parse_json (run.out);
  object = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (object, "potentially_affected_accounts"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "confirmed_accounts"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "contracts_unique"), ==, 0);
  g_assert_true (json_object_has_member (object, "contracts_by_category"));
  g_assert_true (json_object_has_member (json_object_get_object_member (object, "notifications"),
                                         "acknowledged"));

  run_idesk (&text, fixture->db, "stats", "--incident", id, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Accounts potentially affected"));
}

/* Returns: (transfer full): the line of @text that holds @fragment */
static char *
find_line (const char *text,
           const char *fragment)
{
  const char *found = strstr (text, fragment);
  const char *start = found;

  g_assert_nonnull (found);
  while (start > text && start[-1] != '\n')
    start--;
  return g_strndup (start, strcspn (start, "\n"));
}

/* A breach category named in Japanese lines up with the others: its four characters take two
 * terminal columns each. */
static void
test_stats_wide_label (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *id = add_incident (fixture, "ディレクトリサーバーへの侵入");
  g_autoptr(DeskStore) store = desk_test_open_store (fixture->db);
  g_autoptr(DeskRecord) incident = NULL;
  g_autoptr(DeskCategory) wide = NULL;
  g_autoptr(DeskCategory) narrow = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wide_line = NULL;
  g_autofree char *narrow_line = NULL;
  g_autofree char *top_line = NULL;
  g_auto(Run) run = { 0 };

  incident = desk_store_lookup (store, DESK_TYPE_INCIDENT, id, &error);
  g_assert_no_error (error);
  wide = desk_test_save (store, desk_category_new (DESK_INCIDENT (incident), "顧客情報"));
  narrow = desk_test_save (store, desk_category_new (DESK_INCIDENT (incident), "Mail contents"));

  run_idesk (&run, fixture->db, "stats", "--incident", id, NULL);
  g_assert_cmpint (run.status, ==, 0);

  wide_line = find_line (run.out, "顧客情報");
  narrow_line = find_line (run.out, "Mail contents");
  g_assert_true (g_str_has_prefix (wide_line, "  顧客情報 "));
  g_assert_true (g_str_has_suffix (wide_line, " 0"));
  g_assert_cmpuint (g_utf8_strlen (wide_line, -1) + 4, ==, strlen (narrow_line));
  /* So do the other figures. */
  top_line = find_line (run.out, "Accounts potentially affected");
  g_assert_cmpuint (strlen (top_line), ==, strlen (narrow_line));
}

static void
test_estimates (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(Run) add = { 0 };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) node = NULL;

  run_idesk (&add, fixture->db, "incident", "add", "--title", "Mail",
             "--estimated-potential", "4072650", "--vulnerability", "JVN#00000000",
             "--vulnerability", "CVE-2026-0001", NULL);
  g_assert_cmpint (add.status, ==, 0);
  g_strchomp (add.out);

  run_idesk (&run, fixture->db, "incident", "show", add.out, "--json", NULL);
  node = parse_json (run.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node),
                                               "estimated_potential"), ==, 4072650);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node),
                                                  "vulnerability_refs"), ==,
                   "JVN#00000000, CVE-2026-0001");
}

static void
test_unknown_id (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *id = add_incident (fixture, "Leak");
  g_auto(Run) show = { 0 };
  g_auto(Run) stats = { 0 };
  g_auto(Run) glob = { 0 };

  run_idesk (&show, fixture->db, "incident", "show", "ffffffff", NULL);
  assert_one_line_error (&show, "no incident");
  g_assert_cmpint (show.status, ==, 1);

  run_idesk (&stats, fixture->db, "stats", "--incident", "not-an-id", NULL);
  assert_one_line_error (&stats, "no incident");

  run_idesk (&glob, fixture->db, "incident", "show", "*", NULL);
  assert_one_line_error (&glob, "no incident");
}

static gint64
count_incidents (const char *db)
{
  g_autoptr(DeskStore) store = desk_test_open_store (db);
  g_autoptr(GPtrArray) incidents = desk_store_list (store, DESK_TYPE_INCIDENT, NULL, 0, NULL);

  return incidents->len;
}

static void
test_bad_values_write_nothing (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char * const bad[][4] = {
    { "--detected", "2026-13-45", "ISO 8601" },
    { "--occurred", "yesterday", "ISO 8601" },
    { "--severity", "apocalyptic", "low, medium, high, critical" },
    { "--status", "panicking", "detected, investigating" },
  };

  add_incident (fixture, "Existing");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Run) run = { 0 };

      run_idesk (&run, fixture->db, "incident", "add", "--title", "Bad", bad[i][0], bad[i][1],
                 NULL);
      assert_one_line_error (&run, bad[i][2]);
      g_assert_cmpint (run.status, ==, 2);
    }

  g_assert_cmpint (count_incidents (fixture->db), ==, 1);
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const cases[][4] = {
    { "incident", "add", NULL, "--title is required" },
    { "incident", "show", NULL, "No incident id" },
    { "stats", NULL, NULL, "--incident is required" },
    { "stats", "extra", NULL, "Unexpected argument “extra”" },
    { "incident", "list", "extra", "Unexpected argument “extra”" },
    { "frobnicate", NULL, NULL, "Unknown command" },
    { "incident", "add", "--no-such-option", "Unknown option" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_idesk (&run, fixture->db, cases[i][0], cases[i][1], cases[i][2], NULL);
      assert_one_line_error (&run, cases[i][3]);
      g_assert_cmpint (run.status, ==, 2);
    }

  /* Nothing was written: the usage errors did not even create the database. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "missing", "incidents.db", NULL);
  g_auto(Run) run = { 0 };

  run_idesk (&run, db, "incident", "list", NULL);
  assert_one_line_error (&run, "does not exist");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (fixture->db, "account,customer_id\nx,1\n", -1, NULL));
  run_idesk (&run, fixture->db, "incident", "list", NULL);
  assert_one_line_error (&run, "not an Incident Desk database");

  g_assert_true (g_file_get_contents (fixture->db, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "account,customer_id\nx,1\n");
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const commands[][2] = {
    { NULL, NULL },
    { "incident", "add" },
    { "incident", "list" },
    { "incident", "show" },
    { "stats", NULL },
    { "checklist", "add" },
    { "checklist", "list" },
    { "demo", NULL },
    { "templates", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      if (commands[i][0] == NULL)
        run_idesk (&run, NULL, "--help", NULL);
      else if (commands[i][1] == NULL)
        run_idesk (&run, NULL, commands[i][0], "--help", NULL);
      else
        run_idesk (&run, NULL, commands[i][0], commands[i][1], "--help", NULL);

      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "Usage:"));
      g_assert_nonnull (strstr (run.out, "--database"));
    }
}

static void
test_environment_database (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "INCIDENT_DESK_DB", fixture->db, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("IDESK"), "incident", "add",
                                         "--title", "From the environment", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_cmpint (count_incidents (fixture->db), ==, 1);
}

static guint
count_records (const char *db,
                  GType       type)
{
  g_autoptr(DeskStore) store = desk_test_open_store (db);
  g_autoptr(GPtrArray) records = desk_store_list (store, type, NULL, 0, NULL);

  return records->len;
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) stats = { 0 };
  g_autoptr(JsonNode) incidents = NULL;
  g_autoptr(JsonNode) figures = NULL;
  JsonObject *object, *categories;
  const char *mail_id = NULL;
  JsonArray *array;

  run_idesk (&run, fixture->db, "demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Created 8 incidents with "));
  g_assert_nonnull (strstr (run.out, "Webmail intrusion at Example Mail Hosting"));

  run_idesk (&list, fixture->db, "incident", "list", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  incidents = parse_json (list.out);
  array = json_node_get_array (incidents);
  g_assert_cmpuint (json_array_get_length (array), ==, 8);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *incident = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (incident, "title"),
                       "Webmail intrusion at Example Mail Hosting"))
        mail_id = json_object_get_string_member (incident, "id");
    }
  g_assert_nonnull (mail_id);

  run_idesk (&stats, fixture->db, "stats", "--incident", mail_id, "--json", NULL);
  g_assert_cmpint (stats.status, ==, 0);
  figures = parse_json (stats.out);
  object = json_node_get_object (figures);
  categories = json_object_get_object_member (object, "contracts_by_category");
  g_assert_cmpint (json_object_get_int_member (categories, "Account credentials"), ==, 132);
  g_assert_cmpint (json_object_get_int_member (categories, "Mail contents and headers"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (categories, "Linked cloud service credentials"),
                   ==, 488);
  g_assert_cmpint (json_object_get_int_member (object, "contracts_unique"), ==, 586);
  g_assert_cmpint (json_object_get_int_member (object, "estimated_potentially_affected"), ==,
                   4072650);

  /* A second run refuses and leaves the database as it was. */
  run_idesk (&again, fixture->db, "demo", NULL);
  assert_one_line_error (&again, "already holds the demo");
  g_assert_cmpint (again.status, ==, 1);
  g_assert_cmpint (count_incidents (fixture->db), ==, 8);
}

static void
test_templates (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct { const char *id; gint64 items; } expected[] = {
    { "mfa-rollout", 14 },
    { "attack-surface-management", 13 },
    { "patching", 14 },
    { "credential-reset", 13 },
  };
  g_auto(Run) json = { 0 };
  g_auto(Run) text = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  run_idesk (&json, fixture->db, "templates", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.err, ==, "");
  node = parse_json (json.out);
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, expected[i].id);
      g_assert_cmpint (json_object_get_int_member (object, "item_count"), ==, expected[i].items);
      g_assert_true (json_object_has_member (object, "title"));
    }

  run_idesk (&text, fixture->db, "templates", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, "mfa-rollout"));
  g_assert_nonnull (strstr (text.out, "Credential reset and token rotation"));

  /* Listing templates is no reason to create a database. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_checklist_add (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = add_incident (fixture, "Directory server intrusion");
  g_auto(Run) run = { 0 };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskRecord) checklist = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  run_idesk (&run, fixture->db, "checklist", "add", "--incident", id, "--template", "patching",
             NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_strchomp (run.out);
  g_assert_true (g_uuid_string_is_valid (run.out));

  store = desk_test_open_store (fixture->db);
  checklist = desk_store_lookup (store, DESK_TYPE_CHECKLIST, run.out, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_record_get_string (checklist, "template"), ==, "patching");
  g_assert_cmpstr (desk_record_get_string (checklist, "title"), ==,
                   "Patching and vulnerability remediation");
  items = desk_store_list (store, DESK_TYPE_CHECKLIST_ITEM, "checklist-id",
                           desk_record_get_id (checklist), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 14);
  /* The first item is due seven days after the detection given to add_incident(). */
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (items, 0), "due-at"), ==,
                   1776126600 + 7 * 24 * 60 * 60);
}

static void
test_checklist_add_errors (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *id = add_incident (fixture, "Leak");
  g_auto(Run) template = { 0 };
  g_auto(Run) incident = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) help = { 0 };

  run_idesk (&template, fixture->db, "checklist", "add", "--incident", id, "--template",
             "mfa", NULL);
  assert_one_line_error (&template, "no checklist template “mfa”");
  g_assert_nonnull (strstr (template.err, "mfa-rollout"));
  g_assert_cmpint (template.status, ==, 1);
  /* One line: the first line break is the last character. */
  g_assert_cmpstr (strchr (template.err, '\n'), ==, "\n");

  run_idesk (&incident, fixture->db, "checklist", "add", "--incident", "ffffffff", "--template",
             "patching", NULL);
  assert_one_line_error (&incident, "no incident");
  g_assert_cmpint (incident.status, ==, 1);

  run_idesk (&missing, fixture->db, "checklist", "add", "--incident", id, NULL);
  assert_one_line_error (&missing, "--template is required");
  g_assert_cmpint (missing.status, ==, 2);

  /* None of them wrote anything. */
  g_assert_cmpuint (count_records (fixture->db, DESK_TYPE_CHECKLIST), ==, 0);
  g_assert_cmpuint (count_records (fixture->db, DESK_TYPE_CHECKLIST_ITEM), ==, 0);

  run_idesk (&help, NULL, "checklist", "add", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--template"));
}

static void
test_actor (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  run_idesk (&run, fixture->db, "--actor", "Aiko Tanaka", "incident", "add", "--title", "Leak",
             NULL);
  g_assert_cmpint (run.status, ==, 0);

  store = desk_test_open_store (fixture->db);
  incidents = desk_store_list (store, DESK_TYPE_INCIDENT, NULL, 0, NULL);
  audit = desk_store_list_audit (store, desk_record_get_id (g_ptr_array_index (incidents, 0)),
                                 NULL);
  g_assert_cmpstr (desk_audit_entry_get_actor (g_ptr_array_index (audit, 0)), ==, "Aiko Tanaka");
}

static void
test_checklist_list (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = add_incident (fixture, "Directory server intrusion");
  g_auto(Run) add = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) unknown = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *checklist;
  JsonObject *first;

  run_idesk (&add, fixture->db, "checklist", "add", "--incident", id, "--template", "patching",
             NULL);
  g_assert_cmpint (add.status, ==, 0);

  run_idesk (&text, fixture->db, "checklist", "list", "--incident", id, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "(0 of 14 done)"));
  /* Statuses in words, padded to the widest ("Not applicable"); --json keeps the nicks. */
  g_assert_nonnull (strstr (text.out, "\n  [ ] To do          "));
  g_assert_null (strstr (text.out, "todo"));

  run_idesk (&json, fixture->db, "checklist", "list", "--incident", id, "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  node = parse_json (json.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 1);
  checklist = json_array_get_object_element (json_node_get_array (node), 0);
  g_assert_cmpstr (json_object_get_string_member (checklist, "template"), ==, "patching");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (checklist, "items")),
                    ==, 14);
  first = json_array_get_object_element (json_object_get_array_member (checklist, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "todo");
  /* Detected 2026-04-14T00:30Z; the first patching item is due a week later. */
  g_assert_cmpstr (json_object_get_string_member (first, "due_at"), ==, "2026-04-21T00:30:00Z");

  run_idesk (&unknown, fixture->db, "checklist", "list", "--incident", "ffffffff", NULL);
  assert_one_line_error (&unknown, "no incident");
}

/* Import {{{ */

static char *
write_csv (Fixture    *fixture,
           const char *name,
           const char *contents)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* `idesk stats --json`: the figures as a script reads them. */
static char *
stats_json (Fixture    *fixture,
            const char *id)
{
  g_auto(Run) run = { 0 };

  run_idesk (&run, fixture->db, "stats", "--incident", id, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

static char *
digest_of (const char *db)
{
  g_autoptr(DeskStore) store = desk_test_open_store (db);

  return desk_test_digest_database (desk_store_get_database (store));
}

static void
import_ok (Fixture    *fixture,
           const char *id,
           const char *path)
{
  g_auto(Run) run = { 0 };

  run_idesk (&run, fixture->db, "import", "accounts", "--incident", id, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_import_accounts (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *id = add_incident (fixture, "Hosted mail breach");
  g_autofree char *list = write_csv (fixture, "accounts.csv",
                                     "account,customer_id,customer_name,category,status\n"
                                     "a@example.jp,C-001,Example Trading,Credentials,confirmed\n"
                                     "b@example.jp,C-001,Example Trading,,\n"
                                     "c@example.jp,C-002,Sample Corp,Mail,\n");
  g_autofree char *plain = write_csv (fixture, "plain.csv",
                                      "account,customer_id\n"
                                      "d@example.jp,C-002\n"
                                      "A@EXAMPLE.JP,C-001\n");
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *figures = NULL;
  JsonObject *stats, *categories;

  run_idesk (&first, fixture->db, "import", "accounts", "--incident", id, list, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.err, ==, "");
  g_assert_cmpstr (first.out, ==,
                   "Imported 3 account rows from accounts.csv for 2 contracts (3 new accounts)\n");

  figures = stats_json (fixture, id);
  node = parse_json (figures);
  stats = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (stats, "potentially_affected_accounts"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (stats, "confirmed_accounts"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (stats, "contracts_affected"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (stats, "contracts_confirmed"), ==, 1);

  /* The defaults, for a list without status or category */
  run_idesk (&second, fixture->db, "import", "accounts", "--incident", id, "--status",
             "confirmed", "--category", "Mail", "--encoding", "utf-8", plain, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_true (g_str_has_prefix (second.out,
                                   "Imported 2 account rows from plain.csv for 2 contracts"));

  g_clear_pointer (&figures, g_free);
  g_clear_pointer (&node, json_node_unref);
  figures = stats_json (fixture, id);
  node = parse_json (figures);
  stats = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (stats, "potentially_affected_accounts"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (stats, "confirmed_accounts"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (stats, "contracts_confirmed"), ==, 2);
  categories = json_object_get_object_member (stats, "contracts_by_category");
  g_assert_cmpint (json_object_get_int_member (categories, "Credentials"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (categories, "Mail"), ==, 2);
}

static void
test_import_accounts_usage (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char * const cases[][8] = {
    { "list.csv", NULL, NULL, NULL, NULL, NULL, NULL, "--incident is required" },
    { "--incident", "ffffffff", NULL, NULL, NULL, NULL, NULL, "Give the CSV file to import" },
    { "--incident", "ffffffff", "--status", "maybe", "list.csv", NULL, NULL,
      "Unknown status “maybe”" },
    { "--incident", "ffffffff", "--encoding", "latin-1", "list.csv", NULL, NULL,
      "Unknown encoding “latin-1”" },
    { "--incident", "ffffffff", "list.csv", "extra", NULL, NULL, NULL,
      "Unexpected argument “extra”" },
    { "--incident", "ffffffff", "list.csv", "--skip-invalid", NULL, NULL, NULL,
      "--skip-invalid" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_idesk (&run, fixture->db, "import", "accounts", cases[i][0], cases[i][1], cases[i][2],
                 cases[i][3], cases[i][4], cases[i][5], cases[i][6], NULL);
      assert_one_line_error (&run, cases[i][7]);
      g_assert_cmpint (run.status, ==, 2);
    }

  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

/* A file that cannot be imported is refused with the reason, and changes nothing. */
static void
test_import_accounts_refused (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *id = add_incident (fixture, "Hosted mail breach");
  g_autofree char *good = write_csv (fixture, "good.csv",
                                     "account,customer_id,status\na@example.jp,C-001,confirmed\n");
  g_autofree char *bad = write_csv (fixture, "bad.csv",
                                    "account,customer_id\n"
                                    "x@example.jp,C-001\n"
                                    ",C-001\n"
                                    "y@example.jp,C-009,extra\n");
  g_autofree char *header = write_csv (fixture, "header.csv", "account,customer_id\n");
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.csv", NULL);
  const char * const cases[][3] = {
    { bad, "Line 3: the account is empty", "Line 4: 3 fields, but the header names 2" },
    { header, "The file has a header but no accounts", NULL },
    { missing, "No such file", NULL },
  };
  g_autofree char *figures = NULL;
  g_autofree char *before = NULL;

  import_ok (fixture, id, good);
  figures = stats_json (fixture, id);
  before = digest_of (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *prefix = g_strdup_printf ("idesk: %s: ", cases[i][0]);
      g_autofree char *after = NULL;
      g_autofree char *figures_after = NULL;

      run_idesk (&run, fixture->db, "import", "accounts", "--incident", id, cases[i][0], NULL);
      assert_one_line_error (&run, cases[i][1]);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_true (g_str_has_prefix (run.err, prefix));
      g_assert_true (cases[i][2] == NULL || strstr (run.err, cases[i][2]) != NULL);

      figures_after = stats_json (fixture, id);
      g_assert_cmpstr (figures_after, ==, figures);
      after = digest_of (fixture->db);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_import_accounts_skip_invalid (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *id = add_incident (fixture, "Hosted mail breach");
  g_autofree char *list = write_csv (fixture, "accounts.csv",
                                     "account,customer_id,status\n"
                                     "a@example.jp,C-001,confirmed\n"
                                     ",C-001,\n"
                                     "b@example.jp,C-001,maybe\n"
                                     "c@example.jp,C-002,\n");
  g_autofree char *rejects = g_build_filename (fixture->dir, "rejects.csv", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *figures = NULL;
  g_auto(Run) run = { 0 };
  struct stat st;

  run_idesk (&run, fixture->db, "import", "accounts", "--incident", id, "--skip-invalid",
             rejects, list, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  expected = g_strdup_printf ("Imported 2 account rows from accounts.csv for 2 contracts "
                              "(2 new accounts); 2 bad rows set aside\n"
                              "The rows set aside, with the reason, are in %s\n", rejects);
  g_assert_cmpstr (run.out, ==, expected);

  g_assert_true (g_file_get_contents (rejects, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
                   "line,reason,account,customer_id,status\r\n"
                   "3,the account is empty,,C-001,\r\n"
                   "4,\"the status “maybe” is none of potential, confirmed and cleared\","
                   "b@example.jp,C-001,maybe\r\n");
  g_assert_cmpint (g_stat (rejects, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  figures = stats_json (fixture, id);
  node = parse_json (figures);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node),
                                               "potentially_affected_accounts"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node),
                                               "confirmed_accounts"), ==, 1);
}

/* Opens the write end of the named pipe at @path once a reader has opened it, or fails the
 * test after a while. */
static int
open_pipe_writer (const char *path)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int fd;

  while ((fd = g_open (path, O_WRONLY | O_NONBLOCK | O_CLOEXEC, 0)) < 0)
    {
      g_assert_cmpint (errno, ==, ENXIO);  /* no reader yet */
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10 * 1000);
    }

  g_assert_cmpint (fcntl (fd, F_SETFL, 0), ==, 0);
  return fd;
}

static void
write_all (int         fd,
           const char *data,
           gsize       len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      data += n;
      len -= (gsize) n;
    }
}

static gint64
size_of (const char *path)
{
  struct stat st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

/* kill -9 in the middle of an import: the database opens, whole and as it was before. The list
 * comes through a named pipe, so that idesk is certainly under way and certainly not done when
 * it is killed: it cannot commit before the end of the file. It is fed until its write-ahead log
 * has grown, with rows long enough that the import's first batch (512 Ki rows) outgrows its
 * page cache. */
static void
test_import_accounts_killed (Fixture       *fixture,
                             gconstpointer  data)
{
  const guint chunk = 20000;
  const guint max_rows = 2 * 1024 * 1024;
  g_autofree char *id = add_incident (fixture, "Hosted mail breach");
  g_autofree char *good = write_csv (fixture, "good.csv",
                                     "account,customer_id,status\na@example.jp,C-001,confirmed\n");
  g_autofree char *fifo = g_build_filename (fixture->dir, "large.csv", NULL);
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GString) rows = g_string_new ("account,customer_id,category\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskStatement) check = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *figures_after = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean has_row = FALSE;
  guint n_rows = 0;
  int fd;

  import_ok (fixture, id, good);
  figures = stats_json (fixture, id);
  before = digest_of (fixture->db);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_unsetenv (launcher, "INCIDENT_DESK_DB");
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("IDESK"),
                                         "--database", fixture->db, "import", "accounts",
                                         "--incident", id, fifo, NULL);
  g_assert_no_error (error);

  /* A reader that dies early makes the writes fail, not the test process */
  signal (SIGPIPE, SIG_IGN);
  fd = open_pipe_writer (fifo);
  while (size_of (wal) < 4 * 1024 * 1024)
    {
      g_assert_cmpuint (n_rows, <, max_rows);
      desk_test_append_accounts (rows, n_rows, chunk, 60);
      write_all (fd, rows->str, rows->len);
      g_string_truncate (rows, 0);
      n_rows += chunk;
    }
  g_test_message ("Killed after %u rows, with a %" G_GINT64_FORMAT "-byte write-ahead log",
                  n_rows, size_of (wal));

  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
  close (fd);

  store = desk_test_open_store (fixture->db);
  check = desk_database_prepare (desk_store_get_database (store), "PRAGMA integrity_check",
                                 &error);
  g_assert_no_error (error);
  g_assert_true (desk_database_step (desk_store_get_database (store), check, &has_row, &error));
  g_assert_true (has_row);
  g_assert_cmpstr ((const char *) sqlite3_column_text (check, 0), ==, "ok");
  g_clear_pointer (&check, desk_statement_release);
  after = desk_test_digest_database (desk_store_get_database (store));
  g_assert_cmpstr (after, ==, before);
  g_clear_object (&store);

  figures_after = stats_json (fixture, id);
  g_assert_cmpstr (figures_after, ==, figures);
}

/* }}} */
/* idesk export {{{ */

static char *
add_checklist (Fixture    *fixture,
               const char *incident_id)
{
  g_auto(Run) run = { 0 };

  run_idesk (&run, fixture->db, "checklist", "add", "--incident", incident_id, "--template",
             "patching", NULL);
  g_assert_cmpint (run.status, ==, 0);
  return g_strdup (g_strchomp (run.out));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *id = add_incident (fixture, "Directory server intrusion");
  g_autofree char *checklist = add_checklist (fixture, id);
  g_autofree char *pdf = g_build_filename (fixture->dir, "checklists.pdf", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "status.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_auto(Run) markdown = { 0 };
  g_auto(Run) to_pdf = { 0 };
  g_auto(Run) to_csv = { 0 };
  g_auto(Run) to_json = { 0 };

  run_idesk (&markdown, fixture->db, "export", "--incident", id, "--what", "checklists",
             "--checklist", checklist, "--format", "md", "-o", "-", NULL);
  g_assert_cmpint (markdown.status, ==, 0);
  g_assert_cmpstr (markdown.err, ==, "");
  g_assert_true (g_str_has_prefix (markdown.out,
                                   "# Remediation checklists: Directory server intrusion\n"));
  g_assert_nonnull (strstr (markdown.out, "\n## Patching and vulnerability remediation\n"));

  /* The format from the file's extension. */
  run_idesk (&to_pdf, fixture->db, "export", "-i", id, "-w", "checklists", "--paper", "letter",
             "-o", pdf, NULL);
  g_assert_cmpint (to_pdf.status, ==, 0);
  g_assert_cmpstr (to_pdf.out, ==, "");
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);

  run_idesk (&to_csv, fixture->db, "export", "-i", id, "-w", "status", "-o", csv, NULL);
  g_assert_cmpint (to_csv.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbfSection,Row,Column,Value\r\n"));

  run_idesk (&to_json, fixture->db, "export", "-i", id, "-w", "ledger", "-f", "json", "-o", "-",
             NULL);
  g_assert_cmpint (to_json.status, ==, 0);
  json = parse_json (to_json.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "report"), ==,
                   "ledger");
}

/* Every export is remembered; --since-last marks what changed since one of an earlier day. */
static void
test_export_since_last (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *id = add_incident (fixture, "Directory server intrusion");
  g_autofree char *checklist = add_checklist (fixture, id);
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskChecklist) record = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) first = { 0 };
  g_auto(Run) later = { 0 };

  run_idesk (&first, fixture->db, "export", "-i", id, "-w", "checklists", "-f", "md", "-o", "-",
             "--since-last", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.err, ==, "idesk: no export of this from an earlier day to compare with: "
                                  "nothing is marked\n");
  g_assert_null (strstr (first.out, "Changes since"));

  /* As if that export had been made for last week's meeting, and one item were added since. */
  store = desk_test_open_store (fixture->db);
  g_assert_true (desk_database_exec (desk_store_get_database (store),
                                     "UPDATE export_snapshots"
                                     " SET exported_at = exported_at - 7 * 24 * 60 * 60", &error));
  g_assert_no_error (error);
  record = desk_store_lookup (store, DESK_TYPE_CHECKLIST, checklist, &error);
  g_assert_no_error (error);
  g_object_unref (desk_test_save (store, desk_checklist_item_new (record, "One more step")));
  g_clear_object (&store);

  run_idesk (&later, fixture->db, "export", "-i", id, "-w", "checklists", "-f", "md", "-o", "-",
             "--since-last", NULL);
  g_assert_cmpint (later.status, ==, 0);
  g_assert_cmpstr (later.err, ==, "");
  g_assert_nonnull (strstr (later.out, " · Changes since "));
  g_assert_nonnull (strstr (later.out, "| One more step |  |  | To do | New |\n"));
}

static void
test_export_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = add_incident (fixture, "Leak");
  g_autofree char *other = add_incident (fixture, "Other leak");
  g_autofree char *checklist = add_checklist (fixture, other);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", "status.md", NULL);
  g_autofree char *existing = g_build_filename (fixture->dir, "status.pdf", NULL);
  const struct
  {
    const char *args[8];   /* up to the first NULL */
    const char *fragment;
    int         status;
  } cases[] = {
    { { "-w", "status", "-f", "md", "-o", "-" }, "--incident is required", 2 },
    { { "-i", id, "-o", existing }, "--what is required", 2 },
    { { "-i", id, "-w", "minutes", "-o", existing }, "Unknown --what “minutes”", 2 },
    { { "-i", id, "-w", "status" }, "--output is required", 2 },
    { { "-i", id, "-w", "status", "-o", "out.docx" }, "Cannot tell the format from", 2 },
    { { "-i", id, "-w", "status", "-f", "docx", "-o", existing }, "Unknown --format “docx”", 2 },
    { { "-i", id, "-w", "status", "-o", "-" }, "--format is required with “-o -”", 2 },
    { { "-i", id, "-w", "status", "-f", "pdf", "-o", "-" },
      "A PDF does not go to standard output", 2 },
    { { "-i", id, "-w", "status", "--paper", "a5", "-o", existing }, "Unknown --paper “a5”", 2 },
    { { "-i", id, "-w", "status", "-c", checklist, "-o", existing },
      "--checklist goes with --what checklists", 2 },
    { { "-i", "ffffffff", "-w", "status", "-o", existing }, "no incident", 1 },
    { { "-i", id, "-w", "checklists", "-c", checklist, "-o", existing },
      "is not one of the incident’s", 1 },
    { { "-i", id, "-w", "status", "-o", missing }, "the folder does not exist", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char * const *args = cases[i].args;
      g_auto(Run) run = { 0 };

      run_idesk (&run, fixture->db, "export", args[0], args[1], args[2], args[3], args[4],
                 args[5], args[6], args[7], NULL);
      assert_one_line_error (&run, cases[i].fragment);
      g_assert_cmpint (run.status, ==, cases[i].status);
      /* Nothing written, not even where the export would have gone. */
      g_assert_false (g_file_test (existing, G_FILE_TEST_EXISTS));
    }
}

/* --what accounts: the import's own format, which imports back into another incident. */
static void
test_export_accounts (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *id = add_incident (fixture, "Hosted mail breach");
  g_autofree char *copy = add_incident (fixture, "Copy");
  g_autofree char *list = write_csv (fixture, "list.csv",
                                     "account,customer_id,customer_name,status\n"
                                     "b@example.jp,C-001,Example Trading,confirmed\n"
                                     "\"=1+1@example.jp\",C-002,Sample Corp,\n"
                                     "a@example.jp,C-002,Sample Corp,cleared\n");
  g_autofree char *csv = g_build_filename (fixture->dir, "accounts.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *copy_figures = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) stats = NULL;
  g_autoptr(JsonNode) copy_stats = NULL;
  g_auto(Run) to_csv = { 0 };
  g_auto(Run) to_json = { 0 };
  g_auto(Run) one = { 0 };
  g_auto(GStrv) lines = NULL;
  struct stat st;

  import_ok (fixture, id, list);

  run_idesk (&to_csv, fixture->db, "export", "-i", id, "-w", "accounts", "-o", csv, NULL);
  g_assert_cmpint (to_csv.status, ==, 0);
  g_assert_cmpstr (to_csv.out, ==, "");
  g_assert_cmpstr (to_csv.err, ==, "");
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf"
                                   "account,customer_id,customer_name,category,status,found_at\r\n"
                                   "\"'=1+1@example.jp\",C-002,Sample Corp,,potential,\r\n"
                                   "a@example.jp,C-002,Sample Corp,,cleared,"));
  g_assert_cmpint (g_stat (csv, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  /* Into another incident, as it was */
  import_ok (fixture, copy, csv);
  figures = stats_json (fixture, id);
  copy_figures = stats_json (fixture, copy);
  stats = parse_json (figures);
  copy_stats = parse_json (copy_figures);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (stats),
                                               "potentially_affected_accounts"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (stats),
                                               "confirmed_accounts"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (copy_stats),
                                               "potentially_affected_accounts"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (copy_stats),
                                               "confirmed_accounts"), ==, 1);

  run_idesk (&to_json, fixture->db, "export", "-i", copy, "-w", "accounts", "-f", "json",
             "-o", "-", NULL);
  g_assert_cmpint (to_json.status, ==, 0);
  json = parse_json (to_json.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json)), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_node_get_array (json), 0), "account"), ==, "=1+1@example.jp");

  run_idesk (&one, fixture->db, "export", "-i", id, "-w", "accounts", "--customer", "C-001",
             "-f", "csv", "-o", "-", NULL);
  g_assert_cmpint (one.status, ==, 0);
  /* the header, then the contract's one account, found today */
  lines = g_strsplit (one.out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[1], "b@example.jp,C-001,Example Trading,,confirmed,"));
  g_assert_cmpstr (lines[2], ==, "");
}

static void
test_export_accounts_errors (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *id = add_incident (fixture, "Leak");
  g_autofree char *other = add_incident (fixture, "Other leak");
  g_autofree char *checklist = add_checklist (fixture, id);
  g_autofree char *list = write_csv (fixture, "list.csv", "account,customer_id\na@x.jp,C-001\n");
  g_autofree char *other_list = write_csv (fixture, "other.csv",
                                           "account,customer_id\nb@x.jp,C-002\n");
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", "accounts.csv", NULL);
  g_autofree char *existing = g_build_filename (fixture->dir, "accounts.csv", NULL);
  g_autofree char *markdown = g_build_filename (fixture->dir, "accounts.md", NULL);
  const struct
  {
    const char *args[10];   /* up to the first NULL */
    const char *fragment;
    int         status;
  } cases[] = {
    { { "-i", id, "-w", "accounts", "-f", "pdf", "-o", existing },
      "Accounts are exported as csv or json, not pdf", 2 },
    { { "-i", id, "-w", "accounts", "-o", markdown },
      "Accounts are exported as csv or json, not md", 2 },
    { { "-i", id, "-w", "status", "--customer", "C-001", "-o", existing },
      "--customer goes with --what accounts", 2 },
    { { "-i", id, "-w", "accounts", "--since-last", "-o", existing },
      "--since-last does not go with --what accounts", 2 },
    { { "-i", id, "-w", "accounts", "-c", checklist, "-o", existing },
      "--checklist goes with --what checklists", 2 },
    { { "-i", id, "-w", "accounts", "-o", "-" }, "--format is required with “-o -”", 2 },
    { { "-i", id, "-w", "accounts", "--customer", "C-999", "-o", existing },
      "There is no customer with contract ID “C-999”", 1 },
    { { "-i", id, "-w", "accounts", "--customer", "C-002", "-o", existing },
      "The contract “C-002” is not one of the incident’s customers", 1 },
    { { "-i", id, "-w", "accounts", "-o", missing }, "the folder does not exist", 1 },
  };

  import_ok (fixture, id, list);
  import_ok (fixture, other, other_list);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char * const *args = cases[i].args;
      g_auto(Run) run = { 0 };

      run_idesk (&run, fixture->db, "export", args[0], args[1], args[2], args[3], args[4],
                 args[5], args[6], args[7], args[8], args[9], NULL);
      assert_one_line_error (&run, cases[i].fragment);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_false (g_file_test (existing, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (markdown, G_FILE_TEST_EXISTS));
    }
}

/* Whether @dir holds a file whose name starts with @prefix. */
static gboolean
has_file_starting (const char *dir,
                   const char *prefix)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return TRUE;

  return FALSE;
}

/* Ctrl+C while the accounts are written: idesk says so, and leaves no part of a file. It is
 * stopped as soon as its temporary file appears, interrupted, and let go on: it cannot be done
 * with the list before it hears the interruption. */
static void
test_export_accounts_interrupted (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *id = add_incident (fixture, "Hosted mail breach");
  g_autofree char *output = g_build_filename (fixture->dir, "accounts.csv", NULL);
  g_autofree char *list = NULL;
  g_autoptr(GString) rows = g_string_new ("account,customer_id,category\n");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  gint64 deadline;
  GPid pid;

  desk_test_append_accounts (rows, 0, 100000, 6);
  list = write_csv (fixture, "list.csv", rows->str);
  import_ok (fixture, id, list);
  g_unlink (list);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "INCIDENT_DESK_DB");
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("IDESK"),
                                         "--database", fixture->db, "export", "--incident", id,
                                         "--what", "accounts", "-o", output, NULL);
  g_assert_no_error (error);
  pid = atoi (g_subprocess_get_identifier (process));

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!has_file_starting (fixture->dir, ".accounts.csv."))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (200);
    }
  g_assert_cmpint (kill (pid, SIGSTOP), ==, 0);
  g_assert_cmpint (kill (pid, SIGINT), ==, 0);
  g_assert_cmpint (kill (pid, SIGCONT), ==, 0);

  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_cmpstr (err, ==, "idesk: Export cancelled: nothing was written\n");
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_assert_false (has_file_starting (fixture->dir, ".accounts.csv."));
}

/* }}} */

/* Deadlines {{{ */

/* An incident in Tokyo, detected on 14 April 2026 and known to be a breach the next day: its
 * deadlines have all passed by the time the tests run. */
static char *
add_tokyo_incident (Fixture *fixture)
{
  g_auto(Run) run = { 0 };

  run_idesk (&run, fixture->db, "incident", "add", "--title", "Webmail intrusion",
             "--time-zone", "Asia/Tokyo", "--detected", "2026-04-14 09:30",
             "--aware", "2026-04-15 14:00", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  return g_strdup (g_strchomp (run.out));
}

static JsonArray *
list_deadlines (Fixture    *fixture,
                const char *incident,
                JsonNode  **node)
{
  g_auto(Run) run = { 0 };

  run_idesk (&run, fixture->db, "deadlines", "--incident", incident, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  *node = parse_json (run.out);
  return json_node_get_array (*node);
}

static void
test_rules (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "rules.json", NULL);
  g_autofree char *config = g_build_filename (fixture->dir, "config", NULL);
  g_autofree char *user_dir = g_build_filename (config, "incident-desk", NULL);
  g_autofree char *user_file = g_build_filename (user_dir, "deadline-rules.json", NULL);
  g_autofree char *old_config = g_strdup (g_getenv ("XDG_CONFIG_HOME"));
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) file = { 0 };
  g_auto(Run) warned = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonArray *rules;
  JsonObject *appi = NULL;

  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  run_idesk (&text, NULL, "rules", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.err, ==, "");
  g_assert_nonnull (strstr (text.out, "appi  APPI (Japan) (to be verified)\n"));
  g_assert_nonnull (strstr (text.out, "  if unauthorised-access: "));
  g_assert_nonnull (strstr (text.out, "72 hours after awareness"));

  run_idesk (&json, NULL, "rules", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  node = parse_json (json.out);
  rules = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (rules), ==, 26);
  for (guint i = 0; i < json_array_get_length (rules); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (rules, i),
                                                    "id"), "appi"))
      appi = json_array_get_object_element (rules, i);
  g_assert_nonnull (appi);
  g_assert_true (json_object_get_boolean_member (appi, "uncertain"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (appi, "conditions")), ==,
                    2);
  g_assert_cmpint (json_object_get_int_member (
                     json_object_get_object_member (
                       json_object_get_object_member (
                         json_array_get_object_element (
                           json_object_get_array_member (appi, "stages"), 1),
                         "periods_by_condition"),
                       "unauthorised-access"),
                     "amount"), ==, 60);

  /* A file of one's own is checked, and what is wrong is named. */
  g_assert_true (g_file_set_contents (bad, "{ \"rules\": [ { \"id\": \"x\", \"name\": \"X\","
                                           " \"source\": \"https://example.org\","
                                           " \"stages\": [] } ] }", -1, NULL));
  run_idesk (&file, NULL, "rules", "--file", bad, NULL);
  assert_one_line_error (&file, "rules.json, rule 1 (“x”): “stages” is empty");
  g_assert_cmpint (file.status, ==, 1);

  /* A user file that does not fit is reported, and the built-in rules are used. */
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (user_file, "{ \"rules\": 3 }", -1, NULL));
  run_idesk (&warned, NULL, "rules", NULL);
  g_assert_cmpint (warned.status, ==, 0);
  g_assert_nonnull (strstr (warned.err, "idesk: warning: "));
  g_assert_nonnull (strstr (warned.err, "deadline-rules.json: expected a JSON object with a "
                                        "“rules” array"));
  g_assert_nonnull (strstr (warned.out, "appi  APPI (Japan)"));

  if (old_config != NULL)
    g_setenv ("XDG_CONFIG_HOME", old_config, TRUE);
  else
    g_unsetenv ("XDG_CONFIG_HOME");
}

static void
test_obligation_add (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = add_tokyo_incident (fixture);
  g_auto(Run) no_condition = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) bad_time = { 0 };
  g_auto(Run) added = { 0 };
  g_auto(Run) clock = { 0 };
  g_auto(Run) text = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) empty = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *deadlines;
  JsonObject *first;

  /* A rule with conditions names them when none is given… */
  run_idesk (&no_condition, fixture->db, "obligation", "add", "--incident", id, "--rule", "appi",
             NULL);
  assert_one_line_error (&no_condition, "depend on a condition; choose one of: "
                                        "unauthorised-access (");
  g_assert_nonnull (strstr (no_condition.err, "; other ("));
  g_assert_cmpint (no_condition.status, ==, 1);

  /* …an unknown rule names the rules, a bad time says so, and neither writes anything. */
  run_idesk (&unknown, fixture->db, "obligation", "add", "--incident", id, "--rule", "gpdr",
             NULL);
  assert_one_line_error (&unknown, "There is no deadline rule “gpdr”; use one of: appi, ");
  g_assert_cmpint (unknown.status, ==, 1);
  run_idesk (&bad_time, fixture->db, "obligation", "add", "--incident", id, "--rule", "gdpr",
             "--clock-start", "15 April", NULL);
  assert_one_line_error (&bad_time, "“15 April” is not a date and time");
  g_assert_cmpint (bad_time.status, ==, 2);
  g_assert_cmpuint (json_array_get_length (list_deadlines (fixture, id, &empty)), ==, 0);

  run_idesk (&added, fixture->db, "obligation", "add", "--incident", id, "--rule", "appi",
             "--condition", "unauthorised-access", NULL);
  g_assert_cmpint (added.status, ==, 0);
  lines = g_strsplit (added.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  /* Day 60, counting the day of knowing, is Saturday 13 June: the next business day. */
  g_assert_nonnull (strstr (added.out, "final             2026-06-15T23:59:59+09:00  Open"));

  /* A clock of its own; times without a zone are in the incident's. */
  run_idesk (&clock, fixture->db, "obligation", "add", "--incident", id, "--rule", "gdpr",
             "--clock-start", "2026-04-16 08:00", NULL);
  g_assert_cmpint (clock.status, ==, 0);
  g_assert_nonnull (strstr (clock.out, "authority         2026-04-19T08:00:00+09:00"));

  deadlines = list_deadlines (fixture, id, &node);
  g_assert_cmpuint (json_array_get_length (deadlines), ==, 5);
  first = json_array_get_object_element (deadlines, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==,
                   "GDPR (EU): Notification of the breach");
  g_assert_cmpstr (json_object_get_string_member (first, "due"), ==,
                   "2026-04-19T08:00:00+09:00");
  g_assert_cmpstr (json_object_get_string_member (first, "state"), ==, "overdue");
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "obligation");
  g_assert_cmpstr (json_object_get_string_member (first, "incident"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (deadlines, 1),
                                                  "due"), ==, "2026-04-19T23:59:59+09:00");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (deadlines, 1),
                                                 "uncertain"));
  /* Those without a fixed period come last. */
  g_assert_true (json_object_get_null_member (json_array_get_object_element (deadlines, 4),
                                              "due"));

  run_idesk (&text, fixture->db, "deadlines", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, "2026-04-19T08:00:00+09:00  Overdue   "));
  g_assert_nonnull (strstr (text.out, "APPI (Japan): Final report (to be verified)  "
                                      "(Webmail intrusion)\n"));
}

static void
test_obligation_set (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = add_tokyo_incident (fixture);
  g_auto(Run) added = { 0 };
  g_auto(Run) filed = { 0 };
  g_auto(Run) bad_status = { 0 };
  g_auto(Run) bad_time = { 0 };
  g_auto(Run) bad_condition = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) moved = { 0 };
  g_auto(Run) pending = { 0 };
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *notification = NULL;
  JsonObject *final;

  run_idesk (&added, fixture->db, "obligation", "add", "--incident", id, "--rule", "nis2",
             "--condition", "other", NULL);
  g_assert_cmpint (added.status, ==, 0);
  notification = g_strndup (strstr (added.out, "notification") - 38, 36);
  g_assert_true (g_uuid_string_is_valid (notification));

  /* Filing the notification starts the final report's month. */
  run_idesk (&filed, fixture->db, "obligation", "set", notification, "--status", "filed",
             "--filed-at", "2026-04-17 09:00", "--reference", "CSIRT-0412", NULL);
  g_assert_cmpint (filed.status, ==, 0);
  g_assert_nonnull (strstr (filed.out, "Filed"));
  final = json_array_get_object_element (list_deadlines (fixture, id, &after), 2);
  g_assert_cmpstr (json_object_get_string_member (final, "stage"), ==, "final-report");
  g_assert_cmpstr (json_object_get_string_member (final, "due"), ==,
                   "2026-05-17T09:00:00+09:00");

  /* Bad values say what is wrong and change nothing. */
  run_idesk (&bad_status, fixture->db, "obligation", "set", notification, "--status", "sent",
             NULL);
  assert_one_line_error (&bad_status, "“sent” is not a valid status; use one of: open, filed, "
                                      "not-applicable");
  g_assert_cmpint (bad_status.status, ==, 2);
  run_idesk (&bad_time, fixture->db, "obligation", "set", notification, "--filed-at", "soon",
             NULL);
  assert_one_line_error (&bad_time, "“soon” is not a date and time");
  run_idesk (&bad_condition, fixture->db, "obligation", "set", notification, "--condition",
             "bank", "--note", "kept?", NULL);
  assert_one_line_error (&bad_condition, "NIS2 (EU) has no condition “bank”; choose one of: "
                                         "trust-service-provider");
  g_assert_cmpint (bad_condition.status, ==, 1);
  run_idesk (&unknown, fixture->db, "obligation", "set", "ffffffff", "--status", "filed", NULL);
  assert_one_line_error (&unknown, "There is no obligation with ID “ffffffff”");

  before = g_steal_pointer (&after);
  list_deadlines (fixture, id, &after);
  g_assert_true (json_node_equal (before, after));

  /* Done ones can be left out. */
  run_idesk (&moved, fixture->db, "obligation", "set", notification, "--status",
             "not-applicable", NULL);
  g_assert_cmpint (moved.status, ==, 0);
  run_idesk (&pending, fixture->db, "deadlines", "--pending", NULL);
  g_assert_cmpint (pending.status, ==, 0);
  g_assert_null (strstr (pending.out, "Incident notification"));
  g_assert_nonnull (strstr (pending.out, "NIS2 (EU): Early warning"));
}

static void
test_customer_terms (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = add_tokyo_incident (fixture);
  g_autoptr(DeskStore) store = desk_test_open_store (fixture->db);
  g_autoptr(DeskRecord) incident = NULL;
  g_autoptr(DeskCustomer) customer = desk_customer_new ("C-1", "Hanamura Trading");
  g_autoptr(DeskAffected) affected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) confirmation = { 0 };
  g_auto(Run) detection = { 0 };
  g_auto(Run) bad_basis = { 0 };
  g_auto(Run) no_hours = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) stats = { 0 };
  g_auto(Run) stats_text = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) figures = NULL;
  JsonObject *notice, *overdue;

  incident = desk_store_lookup (store, DESK_TYPE_INCIDENT, id, &error);
  g_assert_no_error (error);
  affected = desk_affected_new (DESK_INCIDENT (incident), customer);
  g_assert_true (desk_store_add_affected_customer (store, customer, affected, &error));
  g_assert_no_error (error);

  /* Not confirmed yet: not due yet. */
  run_idesk (&confirmation, fixture->db, "customer", "terms", "--customer", "C-1", "--hours",
             "48", "--after", "confirmation", NULL);
  g_assert_cmpint (confirmation.status, ==, 0);
  g_assert_nonnull (strstr (confirmation.out, "  —  Webmail intrusion\n"));

  run_idesk (&detection, fixture->db, "customer", "terms", "--customer", "C-1", "--hours",
             "48", NULL);
  g_assert_cmpint (detection.status, ==, 0);
  g_assert_nonnull (strstr (detection.out, "  2026-04-16T09:30:00+09:00  Webmail intrusion\n"));

  notice = json_array_get_object_element (list_deadlines (fixture, id, &node), 0);
  g_assert_cmpstr (json_object_get_string_member (notice, "kind"), ==, "notice");
  g_assert_cmpstr (json_object_get_string_member (notice, "title"), ==, "Hanamura Trading");
  g_assert_cmpstr (json_object_get_string_member (notice, "state"), ==, "overdue");

  run_idesk (&bad_basis, fixture->db, "customer", "terms", "--customer", "C-1", "--hours", "24",
             "--after", "signature", NULL);
  assert_one_line_error (&bad_basis, "“signature” is not a valid --after; use one of: "
                                     "detection, confirmation");
  g_assert_cmpint (bad_basis.status, ==, 2);
  run_idesk (&no_hours, fixture->db, "customer", "terms", "--customer", "C-1", NULL);
  assert_one_line_error (&no_hours, "--hours is required");
  run_idesk (&unknown, fixture->db, "customer", "terms", "--customer", "C-9", "--hours", "24",
             NULL);
  assert_one_line_error (&unknown, "There is no customer with contract ID “C-9”");
  g_assert_cmpint (unknown.status, ==, 1);

  /* The figures count what is overdue. */
  run_idesk (&stats, fixture->db, "stats", "--incident", id, "--json", NULL);
  g_assert_cmpint (stats.status, ==, 0);
  figures = parse_json (stats.out);
  overdue = json_object_get_object_member (json_node_get_object (figures), "overdue");
  g_assert_cmpint (json_object_get_int_member (overdue, "notices"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (overdue, "obligations"), ==, 0);
  run_idesk (&stats_text, fixture->db, "stats", "--incident", id, NULL);
  g_assert_cmpint (stats_text.status, ==, 0);
  g_assert_nonnull (strstr (stats_text.out, "Overdue notices"));
}

/* The incident's zone is checked, its times without a zone are read in it, and moving them
 * moves its deadlines. */
static void
test_incident_times (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = add_tokyo_incident (fixture);
  g_auto(Run) mars = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) added = { 0 };
  g_auto(Run) set = { 0 };
  g_auto(Run) set_mars = { 0 };
  g_auto(Run) list = { 0 };
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) node = NULL;

  run_idesk (&mars, fixture->db, "incident", "add", "--title", "Elsewhere", "--time-zone",
             "Mars/Olympus_Mons", NULL);
  assert_one_line_error (&mars, "“Mars/Olympus_Mons” is not a time zone");
  g_assert_cmpint (mars.status, ==, 2);
  run_idesk (&list, fixture->db, "incident", "list", NULL);
  g_assert_null (strstr (list.out, "Elsewhere"));

  run_idesk (&show, fixture->db, "incident", "show", id, "--json", NULL);
  shown = parse_json (show.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "aware_at"), ==,
                   "2026-04-15T05:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "time_zone"), ==,
                   "Asia/Tokyo");

  run_idesk (&added, fixture->db, "obligation", "add", "--incident", id, "--rule", "gdpr", NULL);
  g_assert_cmpint (added.status, ==, 0);
  g_assert_nonnull (strstr (added.out, "2026-04-18T14:00:00+09:00"));

  run_idesk (&set, fixture->db, "incident", "set", id, "--aware", "2026-04-16T08:00", NULL);
  g_assert_cmpint (set.status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (list_deadlines (fixture, id, &node), 0),
                     "due"), ==, "2026-04-19T08:00:00+09:00");

  run_idesk (&set_mars, fixture->db, "incident", "set", id, "--time-zone", "Mars/Base", NULL);
  assert_one_line_error (&set_mars, "“Mars/Base” is not a time zone");
  g_assert_cmpint (set_mars.status, ==, 2);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("IDESK"));

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/desk/cli/add-list-show", test_add_list_show);
  ADD ("/desk/cli/stats", test_stats);
  ADD ("/desk/cli/stats-wide-label", test_stats_wide_label);
  ADD ("/desk/cli/estimates", test_estimates);
  ADD ("/desk/cli/unknown-id", test_unknown_id);
  ADD ("/desk/cli/bad-values-write-nothing", test_bad_values_write_nothing);
  ADD ("/desk/cli/usage-errors", test_usage_errors);
  ADD ("/desk/cli/missing-folder", test_missing_folder);
  ADD ("/desk/cli/not-a-database", test_not_a_database);
  ADD ("/desk/cli/help", test_help);
  ADD ("/desk/cli/environment-database", test_environment_database);
  ADD ("/desk/cli/checklist-list", test_checklist_list);
  ADD ("/desk/cli/actor", test_actor);
  ADD ("/desk/cli/demo", test_demo);
  ADD ("/desk/cli/templates", test_templates);
  ADD ("/desk/cli/checklist-add", test_checklist_add);
  ADD ("/desk/cli/checklist-add-errors", test_checklist_add_errors);
  ADD ("/desk/cli/import-accounts", test_import_accounts);
  ADD ("/desk/cli/import-accounts-usage", test_import_accounts_usage);
  ADD ("/desk/cli/import-accounts-refused", test_import_accounts_refused);
  ADD ("/desk/cli/import-accounts-skip-invalid", test_import_accounts_skip_invalid);
  ADD ("/desk/cli/import-accounts-killed", test_import_accounts_killed);
  ADD ("/desk/cli/export", test_export);
  ADD ("/desk/cli/export-errors", test_export_errors);
  ADD ("/desk/cli/export-since-last", test_export_since_last);
  ADD ("/desk/cli/export-accounts", test_export_accounts);
  ADD ("/desk/cli/export-accounts-errors", test_export_accounts_errors);
  ADD ("/desk/cli/export-accounts-interrupted", test_export_accounts_interrupted);
  ADD ("/desk/cli/rules", test_rules);
  ADD ("/desk/cli/obligation-add", test_obligation_add);
  ADD ("/desk/cli/obligation-set", test_obligation_set);
  ADD ("/desk/cli/customer-terms", test_customer_terms);
  ADD ("/desk/cli/incident-times", test_incident_times);

#undef ADD

  return g_test_run ();
}
