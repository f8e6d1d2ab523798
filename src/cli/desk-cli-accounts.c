/* desk-cli-accounts.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-cli-accounts"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-account-list.h"
#include "desk-cli.h"
#include "desk-labels.h"

static JsonNode *
row_to_json (DeskAccountRow *row)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GEnumClass) exposures = g_type_class_ref (DESK_TYPE_EXPOSURE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "account");
  json_builder_add_string_value (builder, desk_account_row_get_identifier (row));
  json_builder_set_member_name (builder, "customer_id");
  json_builder_add_string_value (builder, desk_account_row_get_contract_id (row));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, g_enum_get_value (exposures,
                                                            desk_account_row_get_exposure (row))->value_nick);
  json_builder_set_member_name (builder, "categories");
  json_builder_add_int_value (builder, desk_account_row_get_categories (row));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

int
desk_cli_account_list (int    argc,
                       char **argv)
{
  g_autofree char *incident_id = NULL, *contract_id = NULL;
  g_autofree char *starting = NULL, *containing = NULL;
  int limit = 50;
  gboolean count_only = FALSE, json = FALSE;
  const GOptionEntry entries[] = {
    { "incident", 'i', 0, G_OPTION_ARG_STRING, &incident_id,
      N_("The incident (UUID or unique prefix)"), N_("ID") },
    { "customer", 'c', 0, G_OPTION_ARG_STRING, &contract_id,
      N_("Only the accounts of this contract"), N_("CONTRACT") },
    { "starting-with", 's', 0, G_OPTION_ARG_STRING, &starting,
      N_("Only accounts that start with TEXT, ignoring case"), N_("TEXT") },
    { "containing", 0, 0, G_OPTION_ARG_STRING, &containing,
      N_("Only accounts that contain TEXT, ignoring case"), N_("TEXT") },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit,
      N_("Print at most N accounts (50 unless given; 0 for all)"), N_("N") },
    { "count", 0, 0, G_OPTION_ARG_NONE, &count_only, N_("Print only how many there are"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskRecord) incident = NULL;
  g_autoptr(DeskAccountList) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 customer_id = 0;
  guint n_items, n_shown;
  int status;

  if (!desk_cli_parse ("account list", NULL,
                       _("List an incident’s affected accounts in order, all of them, a "
                         "contract’s, or those that start with or contain a text."),
                       entries, &argc, &argv, &status))
    return status;
  if (incident_id == NULL)
    return desk_cli_usage_error (_("--incident is required"));
  if (starting != NULL && containing != NULL)
    return desk_cli_usage_error (_("Give --starting-with or --containing, not both"));
  if (limit < 0)
    return desk_cli_usage_error (_("--limit cannot be negative"));

  if (!(store = desk_cli_open_store (&error)) ||
      !(incident = desk_store_lookup (store, DESK_TYPE_INCIDENT, incident_id, &error)))
    return desk_cli_fail (error);

  if (contract_id != NULL)
    {
      g_autoptr(DeskCustomer) customer = desk_store_find_customer (store, contract_id, &error);

      if (customer == NULL)
        return desk_cli_fail (error);
      customer_id = desk_record_get_id (DESK_RECORD (customer));
    }

  list = desk_account_list_new (desk_store_get_database (store), desk_record_get_id (incident),
                                customer_id, containing != NULL ? containing : starting,
                                containing != NULL ? DESK_ACCOUNT_MATCH_CONTAINS
                                                   : DESK_ACCOUNT_MATCH_PREFIX,
                                NULL, &error);
  if (list == NULL)
    return desk_cli_fail (error);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  n_shown = count_only ? 0 : limit == 0 ? n_items : MIN (n_items, (guint) limit);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, n_items);
      json_builder_set_member_name (builder, "accounts");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_shown; i++)
        {
          g_autoptr(DeskAccountRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);

          json_builder_add_value (builder, row_to_json (row));
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      desk_cli_print_json (root);
      return DESK_CLI_OK;
    }

  if (count_only)
    {
      g_print ("%u\n", n_items);
      return DESK_CLI_OK;
    }

  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(DeskAccountRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *identifier = desk_account_row_get_identifier (row);

      g_print ("%s%*s  %-12s  %s\n", identifier, desk_cli_padding (identifier, 32), "",
               desk_account_row_get_contract_id (row),
               desk_exposure_label (desk_account_row_get_exposure (row)));
    }

  if (n_shown < n_items)
    g_print (g_dngettext (GETTEXT_PACKAGE, "… %u account in all\n", "… %u accounts in all\n",
                          n_items), n_items);

  return DESK_CLI_OK;
}
