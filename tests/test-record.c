/* test-record.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-records.h"

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_fields_are_properties (void)
{
  g_autoptr(DeskIncident) incident = desk_incident_new ("Mail breach");
  DeskRecordClass *klass = DESK_RECORD_GET_CLASS (incident);
  const DeskField *field;
  g_autofree char *title = NULL;
  guint notified = 0;

  g_object_get (incident, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Mail breach");
  g_assert_cmpint (desk_record_get_enum (DESK_RECORD (incident), "status"), ==,
                   DESK_INCIDENT_STATUS_DETECTED);
  g_assert_cmpint (desk_record_get_enum (DESK_RECORD (incident), "severity"), ==,
                   DESK_SEVERITY_MEDIUM);

  field = desk_record_class_find_field (klass, "detected-at");
  g_assert_nonnull (field);
  g_assert_cmpstr (field->column, ==, "detected_at");
  g_assert_true (field->flags & DESK_FIELD_TIME);
  g_assert_null (desk_record_class_find_field (klass, "no-such-field"));

  /* Notifications only for real changes (G_PARAM_EXPLICIT_NOTIFY). */
  g_signal_connect (incident, "notify::title", G_CALLBACK (on_notify_cb), &notified);
  desk_record_set_string (DESK_RECORD (incident), "title", "Mail breach");
  g_assert_cmpuint (notified, ==, 0);
  desk_record_set_string (DESK_RECORD (incident), "title", "Webmail breach");
  g_assert_cmpuint (notified, ==, 1);
}

static guint
field_index (DeskRecordClass *klass,
             const char      *name)
{
  for (guint i = 0; i < desk_record_class_get_n_fields (klass); i++)
    if (g_str_equal (desk_record_class_get_field (klass, i)->pspec->name, name))
      return i;

  g_assert_not_reached ();
}

static void
test_copy_and_equal (void)
{
  g_autoptr(DeskIncident) incident = desk_incident_new ("Directory server intrusion");
  g_autoptr(DeskRecord) copy = NULL;
  DeskRecordClass *klass = DESK_RECORD_GET_CLASS (incident);

  desk_record_set_uuid (DESK_RECORD (incident), "0b5c…");
  desk_record_set_int (DESK_RECORD (incident), "detected-at", 1776126600);
  copy = desk_record_copy (DESK_RECORD (incident));

  g_assert_true (G_OBJECT_TYPE (copy) == DESK_TYPE_INCIDENT);
  g_assert_cmpstr (desk_record_get_uuid (copy), ==, "0b5c…");
  for (guint i = 0; i < desk_record_class_get_n_fields (klass); i++)
    g_assert_true (desk_record_field_equal (DESK_RECORD (incident), copy, i));

  /* NULL and "" are the same value: the store keeps both as NULL. */
  desk_record_set_string (copy, "cause", "");
  g_assert_true (desk_record_field_equal (DESK_RECORD (incident), copy,
                                          field_index (klass, "cause")));
  desk_record_set_string (copy, "title", "Other");
  g_assert_false (desk_record_field_equal (DESK_RECORD (incident), copy,
                                           field_index (klass, "title")));
}

static void
test_kinds (void)
{
  guint n_types;
  const GType *types = desk_record_types (&n_types);
  g_autoptr(GHashTable) tables = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n_types, ==, 10);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      DeskRecordClass *record_class = DESK_RECORD_CLASS (klass);
      const char *kind = desk_record_class_get_kind (record_class);

      g_assert_true (desk_record_type_from_kind (kind) == types[i]);
      g_assert_true (g_hash_table_add (tables,
                                       (gpointer) desk_record_class_get_table (record_class)));
      g_assert_cmpuint (desk_record_class_get_n_fields (record_class), >, 0);
    }

  g_assert_true (desk_record_type_from_kind ("spaceship") == G_TYPE_INVALID);
}

/* Messages name every record type, and every field a save can refuse, in words. */
static void
test_labels (void)
{
  guint n_types;
  const GType *types = desk_record_types (&n_types);
  g_autoptr(GTypeClass) item_class = g_type_class_ref (DESK_TYPE_CHECKLIST_ITEM);
  g_autoptr(GTypeClass) customer_class = g_type_class_ref (DESK_TYPE_CUSTOMER);

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      DeskRecordClass *record_class = DESK_RECORD_CLASS (klass);

      g_test_message ("%s", g_type_name (types[i]));
      g_assert_nonnull (record_class->label);
      for (guint f = 0; f < desk_record_class_get_n_fields (record_class); f++)
        {
          const DeskField *field = desk_record_class_get_field (record_class, f);

          if (field->flags & (DESK_FIELD_REQUIRED | DESK_FIELD_UNIQUE))
            g_assert_nonnull (field->label);
        }
    }

  g_assert_cmpstr (desk_record_class_get_label (DESK_RECORD_CLASS (item_class)), ==,
                   "checklist item");
  g_assert_cmpstr (desk_field_get_label (desk_record_class_find_field (
                     DESK_RECORD_CLASS (customer_class), "contract-id")), ==, "contract ID");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/record/fields-are-properties", test_fields_are_properties);
  g_test_add_func ("/desk/record/copy-and-equal", test_copy_and_equal);
  g_test_add_func ("/desk/record/kinds", test_kinds);
  g_test_add_func ("/desk/record/labels", test_labels);

  return g_test_run ();
}
