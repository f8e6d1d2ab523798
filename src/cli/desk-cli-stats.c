/* desk-cli-stats.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-cli-stats"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-cli.h"
#include "desk-labels.h"

/* One line of the text report: an indented label, the count aligned on the right. */
static void
print_figure (guint       indent,
              const char *label,
              gint64      value)
{
  g_autofree char *number = desk_format_count (value);

  g_print ("%*s%s%*s%*s%s\n", (int) (2 * indent), "",
           label, MAX (desk_cli_padding (label, 32 - 2 * indent), 1), "",
           desk_cli_padding (number, 12), "", number);
}

int
desk_cli_stats (int    argc,
                char **argv)
{
  g_autofree char *incident_id = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "incident", 'i', 0, G_OPTION_ARG_STRING, &incident_id,
      N_("The incident (UUID or unique prefix)"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskRecord) incident = NULL;
  g_autoptr(DeskStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!desk_cli_parse ("stats", NULL,
                       _("Print an incident's figures: accounts potentially affected and "
                         "confirmed, contracts per breach category and without duplicates, "
                         "notifications by status, and what is overdue."),
                       entries, &argc, &argv, &status))
    return status;
  if (incident_id == NULL)
    return desk_cli_usage_error (_("--incident is required"));

  if (!(store = desk_cli_open_store (&error)) ||
      !(incident = desk_store_lookup (store, DESK_TYPE_INCIDENT, incident_id, &error)) ||
      !(stats = desk_store_get_stats (store, desk_record_get_id (incident), &error)))
    return desk_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = desk_stats_to_json (stats);

      desk_cli_print_json (node);
      return DESK_CLI_OK;
    }

  g_print ("%s\n\n", desk_record_get_string (incident, "title"));
  print_figure (0, _("Accounts potentially affected"), stats->potential_accounts);
  print_figure (0, _("Accounts confirmed"), stats->confirmed_accounts);
  if (stats->estimated_potential > 0)
    print_figure (1, _("announced estimate"), stats->estimated_potential);
  print_figure (0, _("Contracts affected"), stats->contracts_affected);
  print_figure (0, _("Contracts confirmed"), stats->contracts_confirmed);
  for (guint i = 0; i < stats->categories->len; i++)
    {
      const DeskCategoryCount *count = g_ptr_array_index (stats->categories, i);

      print_figure (1, count->name, count->contracts);
    }
  print_figure (1, _("without duplicates"), stats->contracts_unique);
  print_figure (0, _("Customers to notify"), stats->customers_to_notify);
  print_figure (1, _("notified"), stats->customers_notified);

  for (DeskNotificationStatus i = 0; i < DESK_N_NOTIFICATION_STATUSES; i++)
    if (stats->notifications[i] > 0)
      print_figure (1, desk_notification_status_label (i), stats->notifications[i]);
  print_figure (0, _("Overdue obligations"), stats->overdue_obligations);
  print_figure (0, _("Overdue notices"), stats->overdue_notices);

  return DESK_CLI_OK;
}
