/* test-template.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "desk-template.h"
#include "desk-test-utils.h"

#define DAY (G_GINT64_CONSTANT (24) * 60 * 60)

typedef struct
{
  DeskStore *store;
  gint64     now;
  char      *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = desk_test_open_store (NULL);
  fixture->now = 1776126600;
  desk_store_set_clock (fixture->store, desk_test_fixed_clock, &fixture->now);
  fixture->dir = desk_test_make_tmp_dir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  desk_test_await_finalize (fixture->store);
  desk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}




static GPtrArray *
load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *templates = desk_template_load_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (templates);
  return templates;
}

static DeskTemplate *
builtin (const char *id)
{
  g_autoptr(GPtrArray) templates = load_builtin ();
  g_autoptr(GError) error = NULL;
  DeskTemplate *template = desk_template_find (templates, id, &error);

  g_assert_no_error (error);
  return template;
}

static GPtrArray *
list_items (DeskStore     *store,
            DeskChecklist *checklist)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = desk_store_list (store, DESK_TYPE_CHECKLIST_ITEM, "checklist-id",
                                      desk_record_get_id (DESK_RECORD (checklist)), &error);

  g_assert_no_error (error);
  return items;
}

static void
test_builtin (void)
{
  static const struct { const char *id; guint n_items; } expected[] = {
    { "mfa-rollout", 14 },
    { "attack-surface-management", 13 },
    { "patching", 14 },
    { "credential-reset", 13 },
  };
  g_autoptr(GPtrArray) templates = load_builtin ();
  guint without_due = 0;

  g_assert_cmpuint (templates->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < templates->len; i++)
    {
      DeskTemplate *template = g_ptr_array_index (templates, i);
      GPtrArray *items = desk_template_get_items (template);
      guint n_items;

      g_assert_cmpstr (desk_template_get_id (template), ==, expected[i].id);
      g_assert_cmpuint (desk_template_get_n_items (template), ==, expected[i].n_items);
      g_object_get (template, "n-items", &n_items, NULL);
      g_assert_cmpuint (n_items, ==, expected[i].n_items);
      g_assert_cmpstr (desk_template_get_title (template), !=, "");
      g_assert_nonnull (desk_template_get_description (template));

      for (guint j = 0; j < items->len; j++)
        {
          const DeskTemplateItem *item = g_ptr_array_index (items, j);

          g_assert_nonnull (item->text);
          g_assert_cmpstr (item->text, !=, "");
          g_assert_nonnull (item->owner);
          g_assert_cmpstr (item->owner, !=, "");
          g_assert_nonnull (item->source);
          if (item->has_due)
            g_assert_cmpint (item->due_days, >=, 0);
          else
            without_due++;
        }
    }

  /* "fix + 2 days", "per cycle", "deploy + 2 days", "ongoing", "per Part 1" */
  g_assert_cmpuint (without_due, ==, 5);
}

/* In Japanese, from the catalogue built from po/ja.po: every title, description and item text,
 * and nothing else (ids, owners, sources and due days stay as they are). */
static void
test_builtin_translated (void)
{
  g_autoptr(GPtrArray) english = load_builtin ();
  g_autoptr(GPtrArray) japanese = NULL;
  DeskTestLocale saved;

  if (!desk_test_use_japanese (&saved))
    return;
  japanese = load_builtin ();
  desk_test_restore_locale (&saved);

  g_assert_cmpstr (desk_template_get_title (g_ptr_array_index (japanese, 2)), ==,
                   "パッチ適用と脆弱性の修正");

  g_assert_cmpuint (japanese->len, ==, english->len);
  for (guint i = 0; i < english->len; i++)
    {
      DeskTemplate *en = g_ptr_array_index (english, i);
      DeskTemplate *ja = g_ptr_array_index (japanese, i);
      GPtrArray *en_items = desk_template_get_items (en);
      GPtrArray *ja_items = desk_template_get_items (ja);

      g_assert_cmpstr (desk_template_get_id (ja), ==, desk_template_get_id (en));
      g_assert_cmpstr (desk_template_get_title (ja), !=, desk_template_get_title (en));
      g_assert_cmpstr (desk_template_get_description (ja), !=,
                       desk_template_get_description (en));

      g_assert_cmpuint (ja_items->len, ==, en_items->len);
      for (guint j = 0; j < en_items->len; j++)
        {
          const DeskTemplateItem *en_item = g_ptr_array_index (en_items, j);
          const DeskTemplateItem *ja_item = g_ptr_array_index (ja_items, j);

          g_assert_cmpstr (ja_item->text, !=, en_item->text);
          g_assert_cmpstr (ja_item->owner, ==, en_item->owner);
          g_assert_cmpstr (ja_item->source, ==, en_item->source);
          g_assert_cmpint (ja_item->has_due, ==, en_item->has_due);
          g_assert_cmpint (ja_item->due_days, ==, en_item->due_days);
        }
    }
}

static void
test_find (void)
{
  g_autoptr(GPtrArray) templates = load_builtin ();
  g_autoptr(DeskTemplate) found = NULL;
  g_autoptr(GError) error = NULL;

  found = desk_template_find (templates, "patching", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_template_get_title (found), ==, "Patching and vulnerability remediation");
  g_clear_object (&found);

  found = desk_template_find (templates, "mfa", &error);
  g_assert_null (found);
  g_assert_error (error, DESK_TEMPLATE_ERROR, DESK_TEMPLATE_ERROR_NOT_FOUND);
  /* The message names what there is. */
  g_assert_nonnull (strstr (error->message, "“mfa”"));
  g_assert_nonnull (strstr (error->message, "mfa-rollout, attack-surface-management"));
}

/* Due dates count from detection; the checklist goes after the ones already there. */
static void
test_instantiate_from_detection (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTemplate) template = builtin ("credential-reset");
  g_autoptr(DeskIncident) incident = desk_incident_new ("Token theft at a CRM vendor");
  g_autoptr(DeskChecklist) first = NULL;
  g_autoptr(DeskChecklist) checklist = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 detected = fixture->now - 3 * DAY;
  GPtrArray *template_items = desk_template_get_items (template);

  desk_record_set_int (DESK_RECORD (incident), "detected-at", detected);
  desk_test_save (fixture->store, incident);
  first = desk_checklist_new (incident, "Our own list");
  desk_record_set_int (DESK_RECORD (first), "position", 4);
  desk_test_save (fixture->store, first);

  fixture->now += 600;
  checklist = desk_template_instantiate (template, fixture->store, incident, &error);
  g_assert_no_error (error);
  g_assert_nonnull (checklist);
  g_assert_cmpint (desk_record_get_id (DESK_RECORD (checklist)), >, 0);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (checklist), "title"), ==,
                   "Credential reset and token rotation");
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (checklist), "template"), ==,
                   "credential-reset");
  g_assert_cmpint (desk_record_get_int (DESK_RECORD (checklist), "position"), ==, 5);
  g_assert_cmpint (desk_record_get_int (DESK_RECORD (checklist), "incident-id"), ==,
                   desk_record_get_id (DESK_RECORD (incident)));

  items = list_items (fixture->store, checklist);
  g_assert_cmpuint (items->len, ==, 13);
  for (guint i = 0; i < items->len; i++)
    {
      DeskRecord *item = g_ptr_array_index (items, i);
      const DeskTemplateItem *expected = g_ptr_array_index (template_items, i);

      g_assert_cmpint (desk_record_get_int (item, "position"), ==, i);
      g_assert_cmpstr (desk_record_get_string (item, "text"), ==, expected->text);
      g_assert_cmpstr (desk_record_get_string (item, "owner"), ==, expected->owner);
      g_assert_cmpint (desk_record_get_enum (item, "status"), ==, DESK_ITEM_STATUS_TODO);
      g_assert_cmpint (desk_record_get_int (item, "done-at"), ==, 0);
      g_assert_cmpint (desk_record_get_int (item, "incident-id"), ==,
                       desk_record_get_id (DESK_RECORD (incident)));
      if (expected->has_due)
        g_assert_cmpint (desk_record_get_int (item, "due-at"), ==,
                         detected + expected->due_days * DAY);
      else
        g_assert_cmpint (desk_record_get_int (item, "due-at"), ==, 0);
    }

  /* D0, D+1 and "per Part 1", which has no offset. */
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (items, 0), "due-at"), ==, detected);
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (items, 2), "due-at"), ==,
                   detected + DAY);
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (items, 9), "due-at"), ==, 0);
}

/* Without a detection time, the incident's creation stands in for it. */
static void
test_instantiate_from_creation (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTemplate) template = builtin ("patching");
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->store,
                                                     desk_incident_new ("Unpatched VPN appliance"));
  g_autoptr(DeskChecklist) checklist = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 created = fixture->now;

  g_assert_cmpint (desk_record_get_int (DESK_RECORD (incident), "detected-at"), ==, 0);

  fixture->now += 5 * DAY;
  checklist = desk_template_instantiate (template, fixture->store, incident, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_record_get_int (DESK_RECORD (checklist), "position"), ==, 0);

  items = list_items (fixture->store, checklist);
  g_assert_cmpuint (items->len, ==, 14);
  /* "Keep an inventory…" D+7, the entry vector D+3, "roll out in phases" per cycle. */
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (items, 0), "due-at"), ==,
                   created + 7 * DAY);
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (items, 5), "due-at"), ==,
                   created + 3 * DAY);
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (items, 8), "due-at"), ==, 0);
}

/* A template built in code: an item without a due offset gets no due date. */
static void
test_instantiate_without_due (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTemplate) template = desk_template_new ("own", "Our steps", NULL);
  g_autoptr(DeskIncident) incident = desk_incident_new ("Leak");
  g_autoptr(DeskChecklist) checklist = NULL;
  g_autoptr(GPtrArray) items = NULL;

  desk_template_add_item (template, desk_template_item_new ("Same day", "SOC", TRUE, 0, NULL));
  desk_template_add_item (template, desk_template_item_new ("Whenever", NULL, FALSE, 12, NULL));
  desk_record_set_int (DESK_RECORD (incident), "detected-at", 1776000000);
  desk_test_save (fixture->store, incident);

  checklist = desk_template_instantiate (template, fixture->store, incident, &error);
  g_assert_no_error (error);
  items = list_items (fixture->store, checklist);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (items, 0), "due-at"), ==, 1776000000);
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (items, 1), "due-at"), ==, 0);
  g_assert_null (desk_record_get_string (g_ptr_array_index (items, 1), "owner"));
}

static guint
count_audit (DeskStore *store,
             gint64     incident_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = desk_store_list_audit (store, incident_id, &error);

  g_assert_no_error (error);
  return entries->len;
}

/* On any failure nothing is written: not the checklist, not its first items, not their audit. */
static void
test_instantiate_writes_nothing_on_failure (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTemplate) patching = builtin ("patching");
  g_autoptr(DeskTemplate) broken = desk_template_new ("broken", "Broken", NULL);
  g_autoptr(DeskIncident) unsaved = desk_incident_new ("Not saved yet");
  g_autoptr(DeskIncident) vanished = desk_incident_new ("Not in this database");
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->store, desk_incident_new ("Saved"));
  g_autoptr(DeskChecklist) checklist = NULL;
  gint64 incident_id = desk_record_get_id (DESK_RECORD (incident));
  guint audit_before = count_audit (fixture->store, incident_id);

  /* An incident that was never saved has no id to hang a checklist on. */
  checklist = desk_template_instantiate (patching, fixture->store, unsaved, &error);
  g_assert_null (checklist);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Save the incident"));
  g_clear_error (&error);

  /* One whose row is not there fails on the database's foreign key. */
  desk_record_set_id (DESK_RECORD (vanished), 9999);
  checklist = desk_template_instantiate (patching, fixture->store, vanished, &error);
  g_assert_null (checklist);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The third item cannot be saved, after the checklist and two items were. */
  desk_template_add_item (broken, desk_template_item_new ("First", "SOC", TRUE, 1, NULL));
  desk_template_add_item (broken, desk_template_item_new ("Second", "SOC", TRUE, 2, NULL));
  desk_template_add_item (broken, desk_template_item_new ("   ", "SOC", TRUE, 3, NULL));
  checklist = desk_template_instantiate (broken, fixture->store, incident, &error);
  g_assert_null (checklist);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_CHECKLIST, NULL, 0), ==, 0);
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_CHECKLIST_ITEM, NULL, 0), ==, 0);
  g_assert_cmpuint (count_audit (fixture->store, incident_id), ==, audit_before);

  /* The store is still usable: the transaction was rolled back, not left open. */
  checklist = desk_template_instantiate (patching, fixture->store, incident, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_record_get_int (DESK_RECORD (checklist), "position"), ==, 0);
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_CHECKLIST_ITEM, NULL, 0), ==, 14);
}

static char *
write_file (Fixture    *fixture,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, "my-templates.json", NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_load_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file (fixture,
    "{ \"version\": 1, \"templates\": [ { \"id\": \"vendor-offboarding\", "
    "\"title\": \"Vendor offboarding\", \"description\": \"Cut a vendor off cleanly.\", "
    "\"items\": [ { \"text\": \"Revoke the vendor's accounts\", \"owner\": \"IAM Lead\", "
    "\"due_days\": 1, \"source\": \"derived\" }, { \"text\": \"Review contracts\", "
    "\"due_days\": null }, { \"text\": \"Archive the tickets\" } ] } ] }");
  g_autoptr(GPtrArray) templates = desk_template_load_file (path, &error);
  DeskTemplate *template;
  const DeskTemplateItem *item;

  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 1);
  template = g_ptr_array_index (templates, 0);
  g_assert_cmpstr (desk_template_get_id (template), ==, "vendor-offboarding");
  g_assert_cmpstr (desk_template_get_title (template), ==, "Vendor offboarding");
  g_assert_cmpuint (desk_template_get_n_items (template), ==, 3);

  item = g_ptr_array_index (desk_template_get_items (template), 0);
  g_assert_cmpstr (item->owner, ==, "IAM Lead");
  g_assert_true (item->has_due);
  g_assert_cmpint (item->due_days, ==, 1);
  g_assert_cmpstr (item->source, ==, "derived");

  item = g_ptr_array_index (desk_template_get_items (template), 1);
  g_assert_false (item->has_due);
  g_assert_null (item->owner);
  item = g_ptr_array_index (desk_template_get_items (template), 2);
  g_assert_false (item->has_due);
}

#define ITEMS(items) \
  "{ \"templates\": [ { \"id\": \"mine\", \"title\": \"Mine\", \"items\": " items " } ] }"

static void
test_load_file_errors (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct { const char *contents; const char *message; } cases[] = {
    { "account,customer_id\nx,1\n", "my-templates.json is not valid JSON" },
    { "", "my-templates.json: expected a JSON object with a “templates” array" },
    { "[ 1, 2 ]", "expected a JSON object with a “templates” array" },
    { "{ \"templates\": [] }", "“templates” is empty" },
    { "{ \"version\": 2, \"templates\": [] }", "format version 2, which needs a newer" },
    { "{ \"templates\": [ { \"id\": \"mine\", \"title\": \"Mine\" } ] }",
      "my-templates.json, template 1 (“mine”): “items” is missing" },
    { ITEMS ("{}"), "template 1 (“mine”): “items” must be an array" },
    { ITEMS ("[]"), "template 1 (“mine”): “items” is empty" },
    { ITEMS ("[ { \"text\": \"Fine\" }, { \"owner\": \"CISO\", \"due_days\": 3 } ]"),
      "template 1 (“mine”), item 2: “text” is missing" },
    { ITEMS ("[ { \"text\": \"  \" } ]"), "item 1: “text” is empty" },
    { ITEMS ("[ { \"text\": 42 } ]"), "item 1: “text” must be a string" },
    { ITEMS ("[ \"Just a string\" ]"), "item 1: must be an object" },
    { ITEMS ("[ { \"text\": \"Patch\", \"due_days\": \"3\" } ]"),
      "item 1: “due_days” must be a whole number of days or null, not \"3\"" },
    { ITEMS ("[ { \"text\": \"Patch\", \"due_days\": 1.5 } ]"),
      "“due_days” must be a whole number of days or null, not 1.5" },
    { ITEMS ("[ { \"text\": \"Patch\", \"due_days\": true } ]"),
      "“due_days” must be a whole number of days or null, not true" },
    { ITEMS ("[ { \"text\": \"Patch\", \"due_days\": -2 } ]"),
      "“due_days” must be between 0 and 36500, not -2" },
    { "{ \"templates\": [ { \"title\": \"No id\", \"items\": [] } ] }",
      "template 1: “id” is missing" },
    { "{ \"templates\": [ { \"id\": \"Mine\", \"title\": \"Mine\", \"items\": [] } ] }",
      "the id “Mine” may contain only lower-case letters, digits and dashes" },
    { "{ \"templates\": [ { \"id\": \"mine\", \"items\": [] } ] }",
      "template 1 (“mine”): “title” is missing" },
    { "{ \"templates\": [ { \"id\": \"a\", \"title\": \"A\", \"items\": [ { \"text\": \"x\" } ] },"
      " { \"id\": \"a\", \"title\": \"B\", \"items\": [ { \"text\": \"y\" } ] } ] }",
      "template 2: the id “a” is used by an earlier template too" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = write_file (fixture, cases[i].contents);
      g_autoptr(GPtrArray) templates = desk_template_load_file (path, &error);

      g_test_message ("%s", cases[i].contents);
      g_assert_null (templates);
      g_assert_error (error, DESK_TEMPLATE_ERROR, DESK_TEMPLATE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      /* Every message says which file. */
      g_assert_nonnull (strstr (error->message, "my-templates.json"));
    }
}

#undef ITEMS

static void
test_load_file_missing (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "nowhere.json", NULL);
  g_autoptr(GPtrArray) templates = desk_template_load_file (path, &error);

  g_assert_null (templates);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "nowhere.json"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/desk/template/builtin", test_builtin);
  g_test_add_func ("/desk/template/builtin/translated", test_builtin_translated);
  g_test_add_func ("/desk/template/find", test_find);
  ADD ("/desk/template/instantiate/from-detection", test_instantiate_from_detection);
  ADD ("/desk/template/instantiate/from-creation", test_instantiate_from_creation);
  ADD ("/desk/template/instantiate/without-due", test_instantiate_without_due);
  ADD ("/desk/template/instantiate/writes-nothing-on-failure",
       test_instantiate_writes_nothing_on_failure);
  ADD ("/desk/template/load-file/valid", test_load_file);
  ADD ("/desk/template/load-file/errors", test_load_file_errors);
  ADD ("/desk/template/load-file/missing", test_load_file_missing);

#undef ADD

  return g_test_run ();
}
