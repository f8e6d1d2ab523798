/* desk-history.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An incident's history as the lines people read, gathered from the store: the History page and
 * the status report's timeline show the same lines. Audit entries do not carry what the record
 * they change is called (which customer a notice goes to); it is looked up here, one query per
 * record, so only for the newest lines. */

#define G_LOG_DOMAIN "desk-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-audit-entry.h"
#include "desk-history.h"
#include "desk-labels.h"
#include "desk-records.h"

static char *
describe_customer (DeskStore *store,
                   gint64     customer_id)
{
  g_autoptr(DeskRecord) customer = NULL;
  const char *contract, *name;

  if (customer_id == 0 ||
      (customer = desk_store_load (store, DESK_TYPE_CUSTOMER, customer_id, NULL)) == NULL)
    return NULL;

  contract = desk_record_get_string (customer, "contract-id");
  name = desk_record_get_string (customer, "name");
  if (name == NULL || *name == '\0')
    return g_strdup (contract);

  /* Translators: a customer contract and its holder, e.g. "K-10001 (Example Corp)" */
  return g_strdup_printf (_("%s (%s)"), contract, name);
}

static char *
describe_affected (DeskStore  *store,
                   DeskRecord *affected)
{
  return describe_customer (store, desk_record_get_int (affected, "customer-id"));
}

/* Returns: (transfer full) (nullable): what the record @uuid of @kind is called */
static char *
look_up_subject (DeskStore  *store,
                 const char *kind,
                 const char *uuid)
{
  GType type = desk_record_type_from_kind (kind);
  g_autoptr(DeskRecord) record = NULL;

  if (type == G_TYPE_INVALID || uuid == NULL ||
      (record = desk_store_lookup (store, type, uuid, NULL)) == NULL)
    return NULL;

  if (DESK_IS_AFFECTED (record))
    return describe_affected (store, record);

  if (DESK_IS_NOTIFICATION (record))
    {
      const char *name = desk_record_get_string (record, "recipient-name");
      gint64 affected_id = desk_record_get_int (record, "affected-id");
      g_autoptr(DeskRecord) affected = NULL;

      if (name != NULL && *name != '\0')
        return g_strdup (name);
      if (affected_id != 0 &&
          (affected = desk_store_load (store, DESK_TYPE_AFFECTED, affected_id, NULL)) != NULL)
        return describe_affected (store, affected);

      return g_strdup (desk_recipient_label (desk_record_get_enum (record, "recipient")));
    }

  if (DESK_IS_CHECKLIST_ITEM (record))
    return g_strdup (desk_record_get_string (record, "text"));
  if (DESK_IS_CHECKLIST (record))
    return g_strdup (desk_record_get_string (record, "title"));
  if (DESK_IS_CATEGORY (record))
    return g_strdup (desk_record_get_string (record, "name"));

  return NULL;
}

/**
 * desk_history_gather:
 * @incident_id: the incident whose history to gather
 * @n_named: how many of the newest lines get the names of their records looked up where the
 *   audit entries do not say them; older lines keep generic wording ("a notice")
 * @cancellable: (nullable): stops the look-ups
 *
 * Reads the events and the audit log of an incident and groups them into the lines of its
 * history (desk_history_group_entries()). Safe to run on a worker thread; an incident with
 * thousands of customers has thousands of audit entries.
 *
 * Returns: (transfer full) (element-type DeskHistoryGroup): the lines, newest first, or %NULL
 *   with @error set
 */
GPtrArray *
desk_history_gather (DeskStore     *store,
                     gint64         incident_id,
                     guint          n_named,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GHashTable) known = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (!(history = desk_store_list_history (store, incident_id, error)))
    return NULL;

  groups = desk_history_group_entries (history);
  known = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < MIN (groups->len, n_named); i++)
    {
      DeskHistoryGroup *group = g_ptr_array_index (groups, i);
      DeskAuditEntry *entry;
      const char *uuid;
      char *subject;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!desk_history_group_wants_subject (group))
        continue;

      entry = DESK_AUDIT_ENTRY (group->entry);
      if ((uuid = desk_audit_entry_get_record_uuid (entry)) == NULL)
        continue;

      /* The entries, and with them the keys, live as long as the groups. */
      if (!g_hash_table_lookup_extended (known, uuid, NULL, (gpointer *) &subject))
        {
          subject = look_up_subject (store, desk_audit_entry_get_kind (entry), uuid);
          g_hash_table_insert (known, (gpointer) uuid, subject);
        }

      group->subject = g_strdup (subject);
    }

  return g_steal_pointer (&groups);
}
