/* desk-cli-demo.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-cli-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-cli.h"
#include "desk-labels.h"
#include "desk-demo.h"

int
desk_cli_demo (int    argc,
               char **argv)
{
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) old_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) created = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *customers_text = NULL;
  g_autofree char *accounts_text = NULL;
  gint64 customers = 0, accounts = 0;
  int status;

  if (!desk_cli_parse ("demo", NULL,
                       _("Add sample incidents, modelled on public breach disclosures with "
                         "fictional names, to try Incident Desk out. A database that already "
                         "holds them is left as it is."),
                       NULL, &argc, &argv, &status))
    return status;

  if (!(store = desk_cli_open_store (&error)) ||
      !(before = desk_store_list (store, DESK_TYPE_INCIDENT, NULL, 0, &error)) ||
      !desk_demo_populate (store, &error) ||
      !(after = desk_store_list (store, DESK_TYPE_INCIDENT, NULL, 0, &error)))
    return desk_cli_fail (error);

  /* Report what is now in the database rather than what the demo meant to write. */
  for (guint i = 0; i < before->len; i++)
    g_hash_table_add (old_ids, (gpointer) desk_record_get_uuid (g_ptr_array_index (before, i)));

  for (guint i = 0; i < after->len; i++)
    {
      DeskRecord *incident = g_ptr_array_index (after, i);
      g_autoptr(DeskStats) stats = NULL;

      if (g_hash_table_contains (old_ids, desk_record_get_uuid (incident)))
        continue;

      if (!(stats = desk_store_get_stats (store, desk_record_get_id (incident), &error)))
        return desk_cli_fail (error);

      customers += stats->contracts_affected;
      accounts += stats->potential_accounts;
      g_ptr_array_add (created, incident);
    }

  customers_text = desk_format_count (customers);
  accounts_text = desk_format_count (accounts);
  /* Translators: %u counts incidents; the two %s are numbers of customers and of accounts */
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Created %u incident with %s affected customers and %s accounts:\n",
                        "Created %u incidents with %s affected customers and %s accounts:\n",
                        created->len),
           created->len, customers_text, accounts_text);

  for (guint i = 0; i < created->len; i++)
    {
      DeskRecord *incident = g_ptr_array_index (created, i);

      g_print ("  %.8s  %s\n", desk_record_get_uuid (incident),
               desk_record_get_string (incident, "title"));
    }

  return DESK_CLI_OK;
}
