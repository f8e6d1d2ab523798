/* test-store.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-store.h"
#include "desk-test-utils.h"

typedef struct
{
  DeskStore *store;
  gint64     now;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = desk_test_open_store (NULL);
  fixture->now = 1776126600;
  desk_store_set_clock (fixture->store, desk_test_fixed_clock, &fixture->now);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  desk_test_await_finalize (fixture->store);
}

static DeskIncident *
save_incident (DeskStore  *store,
               const char *title)
{
  g_autoptr(GError) error = NULL;
  DeskIncident *incident = desk_incident_new (title);

  g_assert_true (desk_store_save (store, DESK_RECORD (incident), &error));
  g_assert_no_error (error);
  return incident;
}



/* One record of every type, with a string field to edit. */
static DeskRecord *
make_record (DeskStore *store,
             GType      type,
             const char **edit_field)
{
  g_autoptr(DeskIncident) incident = save_incident (store, "Parent");
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(DeskAffected) affected = NULL;
  g_autoptr(DeskChecklist) checklist = NULL;
  static guint serial;
  g_autofree char *contract = g_strdup_printf ("C-%u", ++serial);

  if (type == DESK_TYPE_INCIDENT)
    {
      *edit_field = "cause";
      return DESK_RECORD (desk_incident_new ("Mail breach"));
    }
  if (type == DESK_TYPE_CATEGORY)
    {
      *edit_field = "name";
      return DESK_RECORD (desk_category_new (incident, "Credentials"));
    }
  if (type == DESK_TYPE_CUSTOMER)
    {
      *edit_field = "account-manager";
      return DESK_RECORD (desk_customer_new (contract, "Example Trading"));
    }

  customer = desk_test_save (store, desk_customer_new (contract, "Example Trading"));
  if (type == DESK_TYPE_AFFECTED)
    {
      *edit_field = "note";
      return DESK_RECORD (desk_affected_new (incident, customer));
    }

  affected = desk_test_save (store, desk_affected_new (incident, customer));
  if (type == DESK_TYPE_NOTIFICATION)
    {
      *edit_field = "note";
      return DESK_RECORD (desk_notification_new (incident, NULL));
    }
  if (type == DESK_TYPE_CHECKLIST)
    {
      *edit_field = "title";
      return DESK_RECORD (desk_checklist_new (incident, "MFA rollout"));
    }

  checklist = desk_test_save (store, desk_checklist_new (incident, "Patching"));
  if (type == DESK_TYPE_CHECKLIST_ITEM)
    {
      *edit_field = "owner";
      return DESK_RECORD (desk_checklist_item_new (checklist, "Apply the vendor fix"));
    }
  if (type == DESK_TYPE_EVENT)
    {
      *edit_field = "text";
      return DESK_RECORD (desk_event_new (incident, 1776000000, "Vendor published a fix"));
    }
  if (type == DESK_TYPE_OBLIGATION)
    {
      *edit_field = "reference";
      return DESK_RECORD (desk_obligation_new (incident, "gdpr", "authority"));
    }
  if (type == DESK_TYPE_FIGURE)
    {
      *edit_field = "source-name";
      return DESK_RECORD (desk_figure_new (incident, 1776000000, 4072650, 311288,
                                           DESK_FIGURE_SOURCE_IMPORT));
    }

  g_assert_not_reached ();
}

static void
test_crud_every_type (Fixture       *fixture,
                      gconstpointer  data)
{
  guint n_types;
  const GType *types = desk_record_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeskRecord) record = NULL;
      g_autoptr(DeskRecord) loaded = NULL;
      g_autoptr(DeskRecord) found = NULL;
      const char *edit_field = NULL;
      DeskRecordClass *klass;
      gint64 id;

      g_test_message ("%s", g_type_name (types[i]));
      record = make_record (fixture->store, types[i], &edit_field);
      klass = DESK_RECORD_GET_CLASS (record);

      /* create */
      fixture->now += 60;
      g_assert_true (desk_store_save (fixture->store, record, &error));
      g_assert_no_error (error);
      id = desk_record_get_id (record);
      g_assert_cmpint (id, >, 0);
      g_assert_true (g_uuid_string_is_valid (desk_record_get_uuid (record)));

      /* read */
      loaded = desk_store_load (fixture->store, types[i], id, &error);
      g_assert_no_error (error);
      for (guint f = 0; f < desk_record_class_get_n_fields (klass); f++)
        g_assert_true (desk_record_field_equal (record, loaded, f));
      g_assert_cmpint (desk_record_get_created_at (loaded), ==, fixture->now);

      found = desk_store_lookup (fixture->store, types[i], desk_record_get_uuid (record), &error);
      g_assert_no_error (error);
      g_assert_cmpint (desk_record_get_id (found), ==, id);

      /* update */
      fixture->now += 60;
      desk_record_set_string (record, edit_field, "Edited");
      g_assert_true (desk_store_save (fixture->store, record, &error));
      g_assert_no_error (error);
      g_clear_object (&loaded);
      loaded = desk_store_load (fixture->store, types[i], id, &error);
      g_assert_cmpstr (desk_record_get_string (loaded, edit_field), ==, "Edited");
      g_assert_cmpint (desk_record_get_updated_at (loaded), ==, fixture->now);
      g_assert_cmpint (desk_record_get_created_at (loaded), ==, fixture->now - 60);

      /* delete leaves a tombstone that lists skip; restore brings it back */
      g_assert_true (desk_store_delete (fixture->store, record, &error));
      g_assert_no_error (error);
      g_clear_object (&loaded);
      loaded = desk_store_load (fixture->store, types[i], id, &error);
      g_assert_true (desk_record_get_deleted (loaded));
      g_clear_object (&found);
      found = desk_store_lookup (fixture->store, types[i], desk_record_get_uuid (record), &error);
      g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);

      g_assert_true (desk_store_restore (fixture->store, record, &error));
      g_assert_no_error (error);
      g_clear_object (&found);
      found = desk_store_lookup (fixture->store, types[i], desk_record_get_uuid (record), &error);
      g_assert_no_error (error);
    }
}

static DeskAuditEntry *
latest_audit (DeskStore *store,
              gint64     incident_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = desk_store_list_audit (store, incident_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);
  return g_object_ref (g_ptr_array_index (entries, 0));
}

static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIncident) incident = save_incident (fixture->store, "Mail breach");
  DeskRecord *record = DESK_RECORD (incident);
  gint64 id = desk_record_get_id (record);
  g_autoptr(DeskAuditEntry) entry = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  entry = latest_audit (fixture->store, id);
  g_assert_cmpstr (desk_audit_entry_get_action (entry), ==, "create");
  g_assert_cmpstr (desk_audit_entry_get_actor (entry), ==, "Test Runner");
  g_assert_cmpstr (desk_audit_entry_get_kind (entry), ==, "incident");
  g_assert_cmpstr (desk_audit_entry_get_record_uuid (entry), ==, desk_record_get_uuid (record));
  g_assert_null (desk_audit_entry_get_before (entry));
  g_assert_nonnull (strstr (desk_audit_entry_get_after (entry), "\"title\":\"Mail breach\""));

  /* An update logs only the fields that changed, before and after. */
  fixture->now += 3600;
  desk_store_set_actor (fixture->store, "Privacy Officer");
  desk_record_set_enum (record, "status", DESK_INCIDENT_STATUS_CONTAINED);
  desk_record_set_string (record, "cause", "Stack buffer overflow in the webmail component");
  g_assert_true (desk_store_save (fixture->store, record, &error));
  g_assert_no_error (error);

  g_clear_object (&entry);
  entry = latest_audit (fixture->store, id);
  g_assert_cmpstr (desk_audit_entry_get_action (entry), ==, "update");
  g_assert_cmpstr (desk_audit_entry_get_actor (entry), ==, "Privacy Officer");
  g_assert_cmpint (desk_audit_entry_get_at (entry), ==, fixture->now);
  g_assert_cmpstr (desk_audit_entry_get_before (entry), ==,
                   "{\"status\":\"detected\",\"cause\":null}");
  g_assert_cmpstr (desk_audit_entry_get_after (entry), ==,
                   "{\"status\":\"contained\",\"cause\":"
                   "\"Stack buffer overflow in the webmail component\"}");

  /* Saving unchanged values writes nothing. */
  g_assert_true (desk_store_save (fixture->store, record, &error));
  entries = desk_store_list_audit (fixture->store, id, &error);
  g_assert_cmpuint (entries->len, ==, 2);

  g_assert_true (desk_store_delete (fixture->store, record, &error));
  g_clear_object (&entry);
  entry = latest_audit (fixture->store, id);
  g_assert_cmpstr (desk_audit_entry_get_action (entry), ==, "delete");
  g_assert_nonnull (strstr (desk_audit_entry_get_before (entry), "\"status\":\"contained\""));
}

static void
test_audit_names_references_by_uuid (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = save_incident (fixture->store, "Leak");
  g_autoptr(DeskChecklist) checklist = desk_test_save (fixture->store,
                                                       desk_checklist_new (incident, "Patching"));
  g_autoptr(DeskAuditEntry) entry = latest_audit (fixture->store,
                                                  desk_record_get_id (DESK_RECORD (incident)));
  g_autofree char *expected = g_strdup_printf ("\"incident_id\":\"%s\"",
                                               desk_record_get_uuid (DESK_RECORD (incident)));

  g_assert_cmpstr (desk_audit_entry_get_kind (entry), ==, "checklist");
  g_assert_nonnull (strstr (desk_audit_entry_get_after (entry), expected));
}

static void
test_required_field (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIncident) incident = desk_incident_new ("   ");

  g_assert_false (desk_store_save (fixture->store, DESK_RECORD (incident), &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The incident’s title may not be empty");
  g_assert_cmpint (desk_record_get_id (DESK_RECORD (incident)), ==, 0);
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_INCIDENT, NULL, 0), ==, 0);
}

static void
test_duplicate_contract (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskCustomer) first = desk_test_save (fixture->store,
                                                  desk_customer_new ("K-100", "One"));
  g_autoptr(DeskCustomer) second = desk_customer_new ("K-100", "Two");

  g_assert_false (desk_store_save (fixture->store, DESK_RECORD (second), &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "Another customer already has contract ID “K-100”");
  g_assert_null (desk_record_get_uuid (DESK_RECORD (second)));
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_CUSTOMER, NULL, 0), ==, 1);
  g_clear_error (&error);

  /* Editing another customer's contract ID into this one is refused the same way. */
  desk_record_set_string (DESK_RECORD (second), "contract-id", "K-200");
  desk_test_save (fixture->store, second);
  desk_record_set_string (DESK_RECORD (second), "contract-id", "K-100");
  g_assert_false (desk_store_save (fixture->store, DESK_RECORD (second), &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* A deleted customer's contract ID is free again. */
  g_assert_true (desk_store_delete (fixture->store, DESK_RECORD (first), &error));
  g_assert_true (desk_store_save (fixture->store, DESK_RECORD (second), &error));
  g_assert_no_error (error);
}

/* What the UNIQUE indexes refuse without a field to name says which record, never SQLite's
 * words. */
static void
test_duplicate_link (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIncident) incident = save_incident (fixture->store, "Leak");
  g_autoptr(DeskCustomer) customer = desk_test_save (fixture->store,
                                                     desk_customer_new ("K-1", "Example"));
  g_autoptr(DeskAffected) again = desk_affected_new (incident, customer);

  g_object_unref (desk_test_save (fixture->store, desk_affected_new (incident, customer)));
  g_assert_false (desk_store_save (fixture->store, DESK_RECORD (again), &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "This affected customer already exists");
}

static void
test_not_found_messages (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskRecord) record = NULL;

  record = desk_store_load (fixture->store, DESK_TYPE_CHECKLIST_ITEM, 4242, &error);
  g_assert_null (record);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no checklist item with ID 4242");
  g_clear_error (&error);

  record = desk_store_lookup (fixture->store, DESK_TYPE_CATEGORY, "abc", &error);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no breach category with ID “abc”");
}

static void
test_lookup_prefix (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIncident) a = desk_incident_new ("A");
  g_autoptr(DeskIncident) b = desk_incident_new ("B");
  g_autoptr(DeskRecord) found = NULL;

  desk_record_set_uuid (DESK_RECORD (a), "aaaa1111-0000-4000-8000-000000000001");
  desk_record_set_uuid (DESK_RECORD (b), "aaaa2222-0000-4000-8000-000000000002");
  desk_test_save (fixture->store, g_object_ref (a));
  desk_test_save (fixture->store, g_object_ref (b));
  g_object_unref (a);
  g_object_unref (b);

  found = desk_store_lookup (fixture->store, DESK_TYPE_INCIDENT, "AAAA2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_record_get_string (found, "title"), ==, "B");

  g_clear_object (&found);
  found = desk_store_lookup (fixture->store, DESK_TYPE_INCIDENT, "aaaa", &error);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_AMBIGUOUS);
  g_assert_cmpstr (error->message, ==,
                   "More than one incident has an ID starting with “aaaa”; give more of it");
  g_clear_error (&error);

  found = desk_store_lookup (fixture->store, DESK_TYPE_INCIDENT, "bbbb", &error);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* GLOB characters name nothing rather than everything. */
  found = desk_store_lookup (fixture->store, DESK_TYPE_INCIDENT, "*", &error);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
}

/* Three categories of 132, 6 and 488 contracts that overlap: 626 by addition, 586 once each. */
static void
test_contracts_without_duplicates (Fixture       *fixture,
                                   gconstpointer  data)
{
  DeskStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIncident) incident = save_incident (fixture->store, "Hosted mail breach");
  g_autoptr(DeskCategory) credentials = NULL, contents = NULL, cloud = NULL, dropped = NULL;
  g_autoptr(DeskStats) stats = NULL;
  gint64 masks[3];

  credentials = desk_test_save (store, desk_category_new (incident, "Account credentials"));
  contents = desk_test_save (store, desk_category_new (incident, "Mail contents and headers"));
  cloud = desk_test_save (store, desk_category_new (incident, "Linked cloud credentials"));
  for (guint i = 0; i < 3; i++)
    {
      DeskCategory *category = (DeskCategory *[]) { credentials, contents, cloud }[i];

      masks[i] = G_GINT64_CONSTANT (1) << desk_record_get_int (DESK_RECORD (category), "bit");
    }
  g_assert_cmpint (masks[0] | masks[1] | masks[2], ==, 7);

  if (!desk_database_begin (desk_store_get_database (fixture->store), &error))
    g_assert_not_reached ();
  for (guint i = 0; i < 590; i++)
    {
      g_autofree char *contract = g_strdup_printf ("K-%04u", i);
      g_autoptr(DeskCustomer) customer = desk_test_save (fixture->store,
                                                         desk_customer_new (contract, "Customer"));
      g_autoptr(DeskAffected) affected = desk_affected_new (incident, customer);
      gint64 mask = 0;

      if (i < 132)
        mask |= masks[0];              /* 0–131 */
      if (i >= 126 && i < 132)
        mask |= masks[1];              /* 126–131: also in the first category */
      if (i >= 98 && i < 586)
        mask |= masks[2];              /* 98–585: overlaps the first */

      desk_record_set_int (DESK_RECORD (affected), "categories", mask);
      /* 586–589: one potential, one cleared, two confirmed without a category */
      if (i < 586 || i >= 588)
        desk_record_set_enum (DESK_RECORD (affected), "exposure", DESK_EXPOSURE_CONFIRMED);
      else if (i == 587)
        desk_record_set_enum (DESK_RECORD (affected), "exposure", DESK_EXPOSURE_CLEARED);
      if (i == 586)
        desk_record_set_int (DESK_RECORD (affected), "categories", masks[0]);
      desk_test_save (fixture->store, g_steal_pointer (&affected));
    }
  g_assert_true (desk_database_commit (desk_store_get_database (fixture->store), &error));

  stats = desk_store_get_stats (fixture->store, desk_record_get_id (DESK_RECORD (incident)),
                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->categories->len, ==, 3);
  g_assert_cmpstr (((DeskCategoryCount *) g_ptr_array_index (stats->categories, 0))->name, ==,
                   "Account credentials");
  g_assert_cmpint (((DeskCategoryCount *) g_ptr_array_index (stats->categories, 0))->contracts,
                   ==, 132);
  g_assert_cmpint (((DeskCategoryCount *) g_ptr_array_index (stats->categories, 1))->contracts,
                   ==, 6);
  g_assert_cmpint (((DeskCategoryCount *) g_ptr_array_index (stats->categories, 2))->contracts,
                   ==, 488);
  g_assert_cmpint (stats->contracts_unique, ==, 586);
  g_assert_cmpint (stats->contracts_confirmed, ==, 588);
  g_assert_cmpint (stats->contracts_affected, ==, 589);

  /* Every contract got its ledger row, on the channel the store was told to start with. */
  g_assert_cmpint (stats->customers_to_notify, ==, 590);
  g_assert_cmpint (stats->notifications[DESK_NOTIFICATION_STATUS_NOT_STARTED], ==, 590);

  /* A deleted category no longer counts, nor do contracts only it held. */
  dropped = g_object_ref (contents);
  g_assert_true (desk_store_delete (fixture->store, DESK_RECORD (dropped), &error));
  g_clear_pointer (&stats, desk_stats_free);
  stats = desk_store_get_stats (fixture->store, desk_record_get_id (DESK_RECORD (incident)),
                                &error);
  g_assert_cmpuint (stats->categories->len, ==, 2);
  g_assert_cmpint (stats->contracts_unique, ==, 586);
}

static void
test_default_channel (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->store, desk_incident_new ("Leak"));
  g_autoptr(DeskCustomer) customer = desk_test_save (fixture->store,
                                                     desk_customer_new ("K-1", "Example"));
  g_autoptr(GPtrArray) ledger = NULL;

  desk_store_set_default_channel (fixture->store, DESK_CHANNEL_PORTAL);
  g_object_unref (desk_test_save (fixture->store, desk_affected_new (incident, customer)));

  ledger = desk_store_list (fixture->store, DESK_TYPE_NOTIFICATION, "incident-id",
                            desk_record_get_id (DESK_RECORD (incident)), NULL);
  g_assert_cmpuint (ledger->len, ==, 1);
  g_assert_cmpint (desk_record_get_enum (g_ptr_array_index (ledger, 0), "channel"), ==,
                   DESK_CHANNEL_PORTAL);
}

static void
test_accounts (Fixture       *fixture,
               gconstpointer  data)
{
  DeskStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIncident) incident = save_incident (fixture->store, "Mail breach");
  g_autoptr(DeskCategory) credentials = desk_test_save (store,
                                                        desk_category_new (incident, "Credentials"));
  g_autoptr(DeskCustomer) customer = desk_test_save (fixture->store,
                                                     desk_customer_new ("K-1", "Example"));
  g_autoptr(DeskAffected) affected = desk_test_save (fixture->store,
                                                     desk_affected_new (incident, customer));
  g_autoptr(DeskAffected) reloaded = NULL;
  g_autoptr(DeskStats) stats = NULL;
  gint64 incident_id = desk_record_get_id (DESK_RECORD (incident));
  gint64 mask = 1 << desk_record_get_int (DESK_RECORD (credentials), "bit");

  g_assert_true (desk_store_add_account (fixture->store, affected, "a@example.jp",
                                         DESK_EXPOSURE_POTENTIAL, 0, &error));
  g_assert_true (desk_store_add_account (fixture->store, affected, "b@example.jp",
                                         DESK_EXPOSURE_POTENTIAL, 0, &error));
  /* The same account again, now confirmed and in a category: still one row. */
  g_assert_true (desk_store_add_account (fixture->store, affected, "a@example.jp",
                                         DESK_EXPOSURE_CONFIRMED, mask, &error));
  /* A later "potential" list does not downgrade it. */
  g_assert_true (desk_store_add_account (fixture->store, affected, "a@example.jp",
                                         DESK_EXPOSURE_POTENTIAL, 0, &error));
  g_assert_no_error (error);

  stats = desk_store_get_stats (fixture->store, incident_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stats->potential_accounts, ==, 2);
  g_assert_cmpint (stats->confirmed_accounts, ==, 1);

  /* The contract followed: confirmed, in the category. */
  reloaded = desk_store_load (fixture->store, DESK_TYPE_AFFECTED,
                              desk_record_get_id (DESK_RECORD (affected)), &error);
  g_assert_cmpint (desk_record_get_enum (DESK_RECORD (reloaded), "exposure"), ==,
                   DESK_EXPOSURE_CONFIRMED);
  g_assert_cmpint (desk_record_get_int (DESK_RECORD (reloaded), "categories"), ==, mask);
  g_assert_cmpint (stats->contracts_unique, ==, 1);

  /* Cleared accounts leave both counts. */
  g_assert_true (desk_store_add_account (fixture->store, affected, "b@example.jp",
                                         DESK_EXPOSURE_CLEARED, 0, &error));
  g_clear_pointer (&stats, desk_stats_free);
  stats = desk_store_get_stats (fixture->store, incident_id, &error);
  g_assert_cmpint (stats->potential_accounts, ==, 1);
}

static void
test_category_bits (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIncident) incident = save_incident (fixture->store, "Leak");
  g_autoptr(DeskIncident) other = save_incident (fixture->store, "Other leak");

  for (guint i = 0; i < 63; i++)
    {
      g_autoptr(DeskCategory) category = desk_test_save (fixture->store,
                                                         desk_category_new (incident, "Category"));

      g_assert_cmpint (desk_record_get_int (DESK_RECORD (category), "bit"), ==, i);
      if (i == 0)
        g_assert_true (desk_store_delete (fixture->store, DESK_RECORD (category), &error));
    }

  /* Bits of deleted categories are not reused, so the 64th category has none left. */
  {
    g_autoptr(DeskCategory) too_many = desk_category_new (incident, "One too many");
    g_autoptr(DeskCategory) elsewhere = desk_category_new (other, "Elsewhere");

    g_assert_false (desk_store_save (fixture->store, DESK_RECORD (too_many), &error));
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
    g_clear_error (&error);

    desk_test_save (fixture->store, g_object_ref (elsewhere));
    g_assert_cmpint (desk_record_get_int (DESK_RECORD (elsewhere), "bit"), ==, 0);
  }
}

static void
test_record_to_json (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_incident_new ("Mail breach");
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  desk_record_set_int (DESK_RECORD (incident), "detected-at", 1776126600);
  desk_record_set_int (DESK_RECORD (incident), "estimated-potential", 4072650);
  desk_test_save (fixture->store, g_object_ref (incident));
  g_object_unref (incident);

  node = desk_store_record_to_json (fixture->store, DESK_RECORD (incident));
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==,
                   desk_record_get_uuid (DESK_RECORD (incident)));
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Mail breach");
  g_assert_cmpstr (json_object_get_string_member (object, "detected_at"), ==,
                   "2026-04-14T00:30:00Z");
  g_assert_cmpstr (json_object_get_string_member (object, "severity"), ==, "medium");
  g_assert_cmpint (json_object_get_int_member (object, "estimated_potential"), ==, 4072650);
  g_assert_true (json_object_get_null_member (object, "closed_at"));
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_store_save_finish (DESK_STORE (source), result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (loop);
}

static void
on_listed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = desk_store_list_finish (DESK_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
on_stats_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  DeskStats **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = desk_store_get_stats_finish (DESK_STORE (source), result, &error);
  g_assert_no_error (error);
}

/* Completes any of the store's boolean _async calls by its source tag. */
static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  DeskStore *store = DESK_STORE (source);
  gpointer tag = g_task_get_source_tag (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (tag == desk_store_set_deleted_async)
    ok = desk_store_set_deleted_finish (store, result, &error);
  else if (tag == desk_store_set_deleted_all_async)
    ok = desk_store_set_deleted_all_finish (store, result, &error);
  else if (tag == desk_store_set_notification_status_async)
    ok = desk_store_set_notification_status_finish (store, result, &error);
  else if (tag == desk_store_move_async)
    ok = desk_store_move_finish (store, result, &error);
  else if (tag == desk_store_add_affected_customer_async)
    ok = desk_store_add_affected_customer_finish (store, result, &error);
  else
    g_assert_not_reached ();

  g_assert_no_error (error);
  g_assert_true (ok);
  g_main_loop_quit (user_data);
}

static void
on_history_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = desk_store_list_history_finish (DESK_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(DeskIncident) incident = desk_incident_new ("Async");
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(DeskStats) stats = NULL;

  desk_store_save_async (fixture->store, DESK_RECORD (incident), NULL, on_saved_cb, loop);
  g_main_loop_run (loop);
  /* The id and UUID the worker assigned reach the caller's object. */
  g_assert_cmpint (desk_record_get_id (DESK_RECORD (incident)), >, 0);
  g_assert_nonnull (desk_record_get_uuid (DESK_RECORD (incident)));

  desk_store_list_async (fixture->store, DESK_TYPE_INCIDENT, NULL, 0, NULL, on_listed_cb, &listed);
  while (listed == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (desk_record_get_uuid (g_ptr_array_index (listed, 0)), ==,
                   desk_record_get_uuid (DESK_RECORD (incident)));

  desk_store_get_stats_async (fixture->store, desk_record_get_id (DESK_RECORD (incident)), NULL,
                              on_stats_cb, &stats);
  while (stats == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (stats->potential_accounts, ==, 0);

  /* Deleting on the worker marks the caller's object deleted when it completes. */
  desk_store_set_deleted_async (fixture->store, DESK_RECORD (incident), TRUE, NULL,
                                on_done_cb, loop);
  g_main_loop_run (loop);
  g_assert_true (desk_record_get_deleted (DESK_RECORD (incident)));
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_INCIDENT, NULL, 0), ==, 0);
}

static void
test_async_edits (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->store, desk_incident_new ("Leak"));
  g_autoptr(DeskCustomer) customer = desk_test_save (fixture->store,
                                                     desk_customer_new ("K-1", "Example"));
  g_autoptr(DeskChecklist) checklist = desk_test_save (fixture->store,
                                                       desk_checklist_new (incident, "Patching"));
  g_autoptr(DeskChecklistItem) first = NULL, second = NULL;
  g_autoptr(GPtrArray) ledger = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 incident_id = desk_record_get_id (DESK_RECORD (incident));

  g_object_unref (desk_test_save (fixture->store, desk_affected_new (incident, customer)));
  first = desk_test_save (fixture->store, desk_checklist_item_new (checklist, "Inventory"));
  second = desk_test_save (fixture->store, desk_checklist_item_new (checklist, "Patch"));
  desk_record_set_int (DESK_RECORD (second), "position", 1);
  desk_test_save (fixture->store, second);

  ledger = desk_store_list (fixture->store, DESK_TYPE_NOTIFICATION, "incident-id", incident_id,
                            NULL);
  fixture->now += 60;
  desk_store_set_notification_status_async (fixture->store, ledger,
                                            DESK_NOTIFICATION_STATUS_SENT, NULL, on_done_cb, loop);
  g_main_loop_run (loop);
  /* The worker's changes, the sending time included, reach the caller's objects. */
  g_assert_cmpint (desk_record_get_enum (g_ptr_array_index (ledger, 0), "status"), ==,
                   DESK_NOTIFICATION_STATUS_SENT);
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (ledger, 0), "sent-at"), ==,
                   fixture->now);

  desk_store_move_async (fixture->store, DESK_RECORD (second), 0, NULL, on_done_cb, loop);
  g_main_loop_run (loop);
  g_assert_cmpint (desk_record_get_int (DESK_RECORD (second), "position"), ==, 0);

  desk_store_list_history_async (fixture->store, incident_id, NULL, on_history_cb, &history);
  while (history == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (history->len, >, 3);
}

/* Puts the customer with @contract_id on @incident as desk_store_add_affected_customer() does,
 * entering @name and @manager; returns the stored link, or NULL with @error set. */
static DeskAffected *
add_customer (DeskStore     *store,
              DeskIncident  *incident,
              const char    *contract_id,
              const char    *name,
              const char    *manager,
              DeskCustomer **customer,
              GError       **error)
{
  g_autoptr(DeskAffected) affected = NULL;

  *customer = desk_customer_new (contract_id, name);
  desk_record_set_string (DESK_RECORD (*customer), "account-manager", manager);
  affected = desk_affected_new (incident, *customer);
  desk_record_set_enum (DESK_RECORD (affected), "exposure", DESK_EXPOSURE_CONFIRMED);

  if (!desk_store_add_affected_customer (store, *customer, affected, error))
    return NULL;

  return g_steal_pointer (&affected);
}

static guint
n_links (DeskStore    *store,
         DeskIncident *incident)
{
  return desk_test_count (store, DESK_TYPE_AFFECTED, "incident-id",
                          desk_record_get_id (DESK_RECORD (incident)));
}

static void
test_add_affected_customer (Fixture       *fixture,
                            gconstpointer  data)
{
  DeskStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIncident) mail = save_incident (store, "Mail breach");
  g_autoptr(DeskIncident) web = save_incident (store, "Web shop breach");
  g_autoptr(DeskCustomer) customer = NULL, shared = NULL;
  g_autoptr(DeskAffected) affected = NULL, on_web = NULL;
  g_autoptr(GPtrArray) ledger = NULL;

  /* A new contract: a new customer, its link and its ledger row */
  affected = add_customer (store, mail, "N-1", "Northwind", NULL, &customer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_record_get_id (DESK_RECORD (customer)), >, 0);
  g_assert_cmpint (desk_record_get_int (DESK_RECORD (affected), "customer-id"), ==,
                   desk_record_get_id (DESK_RECORD (customer)));
  g_assert_cmpuint (desk_test_count (store, DESK_TYPE_NOTIFICATION, "affected-id",
                                     desk_record_get_id (DESK_RECORD (affected))), ==, 1);

  /* A contract already on another incident: the customer on record, which keeps its name and
   * only gains the account manager it lacked */
  g_clear_object (&customer);
  g_clear_object (&affected);
  shared = desk_test_save (store, desk_customer_new ("S-1", "Shared Holdings"));
  on_web = desk_test_save (store, desk_affected_new (web, shared));
  affected = add_customer (store, mail, "S-1", "Shared Holdngs", "Yui Sato", &customer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_record_get_id (DESK_RECORD (customer)), ==,
                   desk_record_get_id (DESK_RECORD (shared)));
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (customer), "name"), ==, "Shared Holdings");
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (customer), "account-manager"), ==,
                   "Yui Sato");
  g_assert_cmpuint (desk_test_count (store, DESK_TYPE_CUSTOMER, NULL, 0), ==, 2);
  g_assert_cmpuint (n_links (store, mail), ==, 2);
  g_assert_cmpuint (n_links (store, web), ==, 1);

  /* Removed from the incident, as the Customers page does, after its notice went out; added again:
   * the same link and ledger row come back, the notice still sent */
  ledger = desk_store_list (store, DESK_TYPE_NOTIFICATION, "affected-id",
                            desk_record_get_id (DESK_RECORD (affected)), &error);
  g_assert_cmpuint (ledger->len, ==, 1);
  g_assert_true (desk_store_set_notification_status (store, ledger,
                                                     DESK_NOTIFICATION_STATUS_SENT, &error));
  g_assert_true (desk_store_delete (store, DESK_RECORD (affected), &error));
  g_assert_true (desk_store_delete (store, g_ptr_array_index (ledger, 0), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_links (store, mail), ==, 1);
  {
    g_autoptr(DeskCustomer) again = NULL;
    g_autoptr(DeskAffected) restored = NULL;
    g_autoptr(GPtrArray) restored_ledger = NULL;

    restored = add_customer (store, mail, "S-1", NULL, NULL, &again, &error);
    g_assert_no_error (error);
    g_assert_cmpint (desk_record_get_id (DESK_RECORD (restored)), ==,
                     desk_record_get_id (DESK_RECORD (affected)));
    g_assert_false (desk_record_get_deleted (DESK_RECORD (restored)));
    g_assert_cmpint (desk_record_get_enum (DESK_RECORD (restored), "exposure"), ==,
                     DESK_EXPOSURE_CONFIRMED);
    g_assert_cmpuint (n_links (store, mail), ==, 2);

    restored_ledger = desk_store_list (store, DESK_TYPE_NOTIFICATION, "affected-id",
                                       desk_record_get_id (DESK_RECORD (restored)), &error);
    g_assert_cmpuint (restored_ledger->len, ==, 1);
    g_assert_cmpint (desk_record_get_enum (g_ptr_array_index (restored_ledger, 0), "status"), ==,
                     DESK_NOTIFICATION_STATUS_SENT);
  }
}

static guint
history_length (DeskStore    *store,
                DeskIncident *incident)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = desk_store_list_history (store,
                                                          desk_record_get_id (DESK_RECORD (incident)),
                                                          &error);

  g_assert_no_error (error);
  return history->len;
}

/* A customer leaves an incident with its notice, as the Customers page removes it, in one
 * transaction: both or, if one fails, neither, and then neither record changes. */
static void
test_set_deleted_all (Fixture       *fixture,
                      gconstpointer  data)
{
  DeskStore *store = fixture->store;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIncident) mail = save_incident (store, "Mail breach");
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(DeskAffected) affected = NULL;
  g_autoptr(GPtrArray) ledger = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) broken = g_ptr_array_new_with_free_func (g_object_unref);
  DeskRecord *notice;
  guint n_history;

  affected = add_customer (store, mail, "N-1", "Northwind", NULL, &customer, &error);
  g_assert_no_error (error);
  ledger = desk_store_list (store, DESK_TYPE_NOTIFICATION, "affected-id",
                            desk_record_get_id (DESK_RECORD (affected)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ledger->len, ==, 1);
  notice = g_ptr_array_index (ledger, 0);
  g_ptr_array_add (records, g_object_ref (affected));
  g_ptr_array_add (records, g_object_ref (notice));

  /* The second record is not in the store: the first stays too, in the store and in memory. */
  g_ptr_array_add (broken, g_object_ref (affected));
  g_ptr_array_add (broken, desk_record_copy (notice));
  desk_record_set_id (g_ptr_array_index (broken, 1), 999999);
  n_history = history_length (store, mail);
  g_assert_false (desk_store_set_deleted_all (store, broken, TRUE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (desk_record_get_deleted (DESK_RECORD (affected)));
  g_assert_cmpuint (n_links (store, mail), ==, 1);
  g_assert_cmpuint (history_length (store, mail), ==, n_history);

  /* Both go, and the records say so */
  g_assert_true (desk_store_set_deleted_all (store, records, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (desk_record_get_deleted (DESK_RECORD (affected)));
  g_assert_true (desk_record_get_deleted (notice));
  g_assert_cmpuint (n_links (store, mail), ==, 0);
  g_assert_cmpuint (desk_test_count (store, DESK_TYPE_NOTIFICATION, "affected-id",
                                     desk_record_get_id (DESK_RECORD (affected))), ==, 0);

  /* ... and come back together, on the worker, as the toast's Undo does */
  desk_store_set_deleted_all_async (store, records, FALSE, NULL, on_done_cb, loop);
  g_main_loop_run (loop);
  g_assert_false (desk_record_get_deleted (DESK_RECORD (affected)));
  g_assert_false (desk_record_get_deleted (notice));
  g_assert_cmpuint (n_links (store, mail), ==, 1);
  g_assert_cmpuint (desk_test_count (store, DESK_TYPE_NOTIFICATION, "affected-id",
                                     desk_record_get_id (DESK_RECORD (affected))), ==, 1);
}

/* A customer already on the incident is refused in words, and nothing is written: not even the
 * details the customer on record lacked. */
static void
test_add_affected_customer_refused (Fixture       *fixture,
                                    gconstpointer  data)
{
  DeskStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIncident) mail = save_incident (store, "Mail breach");
  g_autoptr(DeskCustomer) nameless = desk_test_save (store, desk_customer_new ("B-1", NULL));
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(DeskAffected) affected = NULL;
  g_autoptr(DeskRecord) stored = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  guint n_audit;

  g_object_unref (desk_test_save (store, desk_affected_new (mail, nameless)));
  audit = desk_store_list_audit (store, desk_record_get_id (DESK_RECORD (mail)), &error);
  n_audit = audit->len;
  g_clear_pointer (&audit, g_ptr_array_unref);

  affected = add_customer (store, mail, "B-1", "Bluebird", "Yui Sato", &customer, &error);
  g_assert_null (affected);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==,
                   "The customer with contract ID “B-1” is already on this incident");

  stored = desk_store_load (store, DESK_TYPE_CUSTOMER, desk_record_get_id (DESK_RECORD (nameless)),
                            NULL);
  g_assert_null (desk_record_get_string (stored, "name"));
  g_assert_null (desk_record_get_string (stored, "account-manager"));
  g_assert_cmpuint (desk_test_count (store, DESK_TYPE_CUSTOMER, NULL, 0), ==, 1);
  g_assert_cmpuint (n_links (store, mail), ==, 1);
  audit = desk_store_list_audit (store, desk_record_get_id (DESK_RECORD (mail)), NULL);
  g_assert_cmpuint (audit->len, ==, n_audit);

  /* The caller's records are as they were. */
  g_assert_cmpint (desk_record_get_id (DESK_RECORD (customer)), ==, 0);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (customer), "name"), ==, "Bluebird");
}

/* The worker's result reaches the caller's records. */
static void
test_add_affected_customer_async (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(DeskIncident) mail = save_incident (fixture->store, "Mail breach");
  g_autoptr(DeskIncident) web = save_incident (fixture->store, "Web shop breach");
  g_autoptr(DeskCustomer) shared = desk_test_save (fixture->store,
                                                   desk_customer_new ("S-1", "Shared Holdings"));
  g_autoptr(DeskCustomer) customer = desk_customer_new ("S-1", NULL);
  g_autoptr(DeskAffected) affected = desk_affected_new (mail, customer);

  g_object_unref (desk_test_save (fixture->store, desk_affected_new (web, shared)));
  desk_store_add_affected_customer_async (fixture->store, customer, affected, NULL, on_done_cb,
                                          loop);
  g_main_loop_run (loop);

  g_assert_cmpint (desk_record_get_id (DESK_RECORD (customer)), ==,
                   desk_record_get_id (DESK_RECORD (shared)));
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (customer), "name"), ==, "Shared Holdings");
  g_assert_cmpint (desk_record_get_id (DESK_RECORD (affected)), >, 0);
  g_assert_cmpint (desk_record_get_int (DESK_RECORD (affected), "customer-id"), ==,
                   desk_record_get_id (DESK_RECORD (shared)));
}

static void
test_bulk_notification_status (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIncident) incident = save_incident (fixture->store, "Mail breach");
  gint64 incident_id = desk_record_get_id (DESK_RECORD (incident));
  g_autoptr(GPtrArray) ledger = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DeskStats) stats = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(DeskNotification) orphan = NULL;
  guint n_audit;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *contract = g_strdup_printf ("K-%u", i);
      g_autoptr(DeskCustomer) customer = desk_test_save (fixture->store,
                                                         desk_customer_new (contract, "Customer"));

      g_object_unref (desk_test_save (fixture->store, desk_affected_new (incident, customer)));
    }

  ledger = desk_store_list (fixture->store, DESK_TYPE_NOTIFICATION, "incident-id", incident_id,
                            &error);
  g_assert_cmpuint (ledger->len, ==, 12);
  for (guint i = 0; i < 10; i++)
    g_ptr_array_add (chosen, g_object_ref (g_ptr_array_index (ledger, i)));

  audit = desk_store_list_audit (fixture->store, incident_id, &error);
  n_audit = audit->len;

  fixture->now += 7200;
  desk_store_set_actor (fixture->store, "Account Manager");
  g_assert_true (desk_store_set_notification_status (fixture->store, chosen,
                                                     DESK_NOTIFICATION_STATUS_SENT, &error));
  g_assert_no_error (error);

  stats = desk_store_get_stats (fixture->store, incident_id, &error);
  g_assert_cmpint (stats->customers_notified, ==, 10);
  g_assert_cmpint (stats->customers_to_notify, ==, 12);
  g_assert_cmpint (stats->notifications[DESK_NOTIFICATION_STATUS_SENT], ==, 10);
  g_assert_cmpint (stats->channel_to_notify[DESK_CHANNEL_ACCOUNT_MANAGER], ==, 12);
  g_assert_cmpint (stats->channel_notified[DESK_CHANNEL_ACCOUNT_MANAGER], ==, 10);
  g_assert_cmpint (stats->channel_to_notify[DESK_CHANNEL_PORTAL], ==, 0);

  for (guint i = 0; i < chosen->len; i++)
    {
      DeskRecord *sent = g_ptr_array_index (chosen, i);
      g_autoptr(DeskRecord) stored = desk_store_load (fixture->store, DESK_TYPE_NOTIFICATION,
                                                      desk_record_get_id (sent), &error);

      g_assert_cmpint (desk_record_get_int (stored, "sent-at"), ==, fixture->now);
      g_assert_cmpstr (desk_record_get_string (stored, "actor"), ==, "Account Manager");
    }

  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = desk_store_list_audit (fixture->store, incident_id, &error);
  g_assert_cmpuint (audit->len, ==, n_audit + 10);

  /* Acknowledging later keeps the first sending time. */
  fixture->now += 3600;
  g_assert_true (desk_store_set_notification_status (fixture->store, chosen,
                                                     DESK_NOTIFICATION_STATUS_ACKNOWLEDGED,
                                                     &error));
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (chosen, 0), "sent-at"), ==,
                   fixture->now - 3600);
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (chosen, 0), "acknowledged-at"), ==,
                   fixture->now);

  /* One bad row (its incident does not exist) and nothing changes, in the database or in the
   * callers' objects. */
  orphan = desk_notification_new (incident, NULL);
  desk_record_set_int (DESK_RECORD (orphan), "incident-id", 9999);
  g_ptr_array_add (chosen, g_object_ref (orphan));
  g_assert_false (desk_store_set_notification_status (fixture->store, chosen,
                                                      DESK_NOTIFICATION_STATUS_BOUNCED, &error));
  g_assert_nonnull (error);
  g_clear_pointer (&stats, desk_stats_free);
  stats = desk_store_get_stats (fixture->store, incident_id, NULL);
  g_assert_cmpint (stats->notifications[DESK_NOTIFICATION_STATUS_ACKNOWLEDGED], ==, 10);
  g_assert_cmpint (stats->notifications[DESK_NOTIFICATION_STATUS_BOUNCED], ==, 0);
  g_assert_cmpint (desk_record_get_enum (g_ptr_array_index (chosen, 0), "status"), ==,
                   DESK_NOTIFICATION_STATUS_ACKNOWLEDGED);
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIncident) incident = save_incident (fixture->store, "Leak");
  g_autoptr(DeskChecklist) checklist = desk_test_save (fixture->store,
                                                       desk_checklist_new (incident, "Patching"));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) listed = NULL;
  const char *texts[] = { "Inventory", "Patch", "Verify", "Report" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      DeskChecklistItem *item = desk_checklist_item_new (checklist, texts[i]);

      desk_record_set_int (DESK_RECORD (item), "position", i);
      g_ptr_array_add (items, desk_test_save (fixture->store, item));
    }

  /* "Report" to the top, then "Patch" to the end. */
  g_assert_true (desk_store_move (fixture->store, g_ptr_array_index (items, 3), 0, &error));
  g_assert_true (desk_store_move (fixture->store, g_ptr_array_index (items, 1), 99, &error));
  g_assert_no_error (error);

  listed = desk_store_list (fixture->store, DESK_TYPE_CHECKLIST_ITEM, "checklist-id",
                            desk_record_get_id (DESK_RECORD (checklist)), &error);
  g_assert_cmpuint (listed->len, ==, 4);
  g_assert_cmpstr (desk_record_get_string (g_ptr_array_index (listed, 0), "text"), ==, "Report");
  g_assert_cmpstr (desk_record_get_string (g_ptr_array_index (listed, 1), "text"), ==, "Inventory");
  g_assert_cmpstr (desk_record_get_string (g_ptr_array_index (listed, 2), "text"), ==, "Verify");
  g_assert_cmpstr (desk_record_get_string (g_ptr_array_index (listed, 3), "text"), ==, "Patch");
  g_assert_cmpint (desk_record_get_int (g_ptr_array_index (items, 1), "position"), ==, 3);
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskIncident) incident = save_incident (fixture->store, "Directory intrusion");
  gint64 id = desk_record_get_id (DESK_RECORD (incident));
  g_autoptr(DeskEvent) early = NULL;
  g_autoptr(GPtrArray) history = NULL;

  /* An event entered now about something that happened a day before the incident was recorded. */
  fixture->now += 600;
  early = desk_test_save (fixture->store, desk_event_new (incident, fixture->now - 86400 - 600,
                          "Unpatched server reached from outside"));
  fixture->now += 600;
  desk_record_set_enum (DESK_RECORD (incident), "status", DESK_INCIDENT_STATUS_CONTAINED);
  desk_test_save (fixture->store, g_object_ref (incident));
  g_object_unref (incident);

  history = desk_store_list_history (fixture->store, id, &error);
  g_assert_no_error (error);
  /* the status change, the incident's creation, then the older event; the event's own audit
   * line is left out */
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_true (DESK_IS_AUDIT_ENTRY (g_ptr_array_index (history, 0)));
  g_assert_cmpstr (desk_audit_entry_get_action (g_ptr_array_index (history, 0)), ==, "update");
  g_assert_cmpstr (desk_audit_entry_get_action (g_ptr_array_index (history, 1)), ==, "create");
  g_assert_true (DESK_IS_EVENT (g_ptr_array_index (history, 2)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/desk/store/crud-every-type", test_crud_every_type);
  ADD ("/desk/store/audit", test_audit);
  ADD ("/desk/store/audit-names-references-by-uuid", test_audit_names_references_by_uuid);
  ADD ("/desk/store/required-field", test_required_field);
  ADD ("/desk/store/duplicate-contract", test_duplicate_contract);
  ADD ("/desk/store/duplicate-link", test_duplicate_link);
  ADD ("/desk/store/not-found-messages", test_not_found_messages);
  ADD ("/desk/store/lookup-prefix", test_lookup_prefix);
  ADD ("/desk/store/contracts-without-duplicates", test_contracts_without_duplicates);
  ADD ("/desk/store/accounts", test_accounts);
  ADD ("/desk/store/default-channel", test_default_channel);
  ADD ("/desk/store/category-bits", test_category_bits);
  ADD ("/desk/store/record-to-json", test_record_to_json);
  ADD ("/desk/store/async", test_async);
  ADD ("/desk/store/async-edits", test_async_edits);
  ADD ("/desk/store/add-affected-customer", test_add_affected_customer);
  ADD ("/desk/store/add-affected-customer-refused", test_add_affected_customer_refused);
  ADD ("/desk/store/add-affected-customer-async", test_add_affected_customer_async);
  ADD ("/desk/store/set-deleted-all", test_set_deleted_all);
  ADD ("/desk/store/bulk-notification-status", test_bulk_notification_status);
  ADD ("/desk/store/move", test_move);
  ADD ("/desk/store/history", test_history);

#undef ADD

  return g_test_run ();
}
