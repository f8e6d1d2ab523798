/* desk-remediation-text.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the remediation page and the exports say about checklist items and their progress:
 * "Due 19 Apr", "Overdue by 3 days", "9 of 14 done". Pure functions of the item's fields and the
 * current time, so that tests can fix the clock. */

#define G_LOG_DOMAIN "desk-remediation-text"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-remediation-text.h"

/* Days from the local day of @from to the local day of @to: 1 from today to tomorrow. */
static int
days_between (gint64 from,
              gint64 to)
{
  g_autoptr(GDateTime) a = g_date_time_new_from_unix_local (from);
  g_autoptr(GDateTime) b = g_date_time_new_from_unix_local (to);
  g_autoptr(GDate) day_a = NULL;
  g_autoptr(GDate) day_b = NULL;

  if (a == NULL || b == NULL)
    return 0;

  day_a = g_date_new_dmy (g_date_time_get_day_of_month (a), g_date_time_get_month (a),
                          g_date_time_get_year (a));
  day_b = g_date_new_dmy (g_date_time_get_day_of_month (b), g_date_time_get_month (b),
                          g_date_time_get_year (b));
  return g_date_days_between (day_a, day_b);
}

/* Returns: (transfer full): a short day, "19 Apr", with the year only when it is not @now's */
static char *
short_day (gint64 seconds,
           gint64 now)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (seconds);
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);

  if (when == NULL || today == NULL)
    return g_strdup ("?");

  if (g_date_time_get_year (when) == g_date_time_get_year (today))
    /* Translators: a day this year, e.g. "19 Apr"; see g_date_time_format() */
    return g_date_time_format (when, _("%-d %b"));

  /* Translators: a day in another year, e.g. "19 Apr 2027"; see g_date_time_format() */
  return g_date_time_format (when, _("%-d %b %Y"));
}

/**
 * desk_item_status_is_complete:
 *
 * Returns: whether an item with @status counts as finished: done, or not applicable
 */
gboolean
desk_item_status_is_complete (DeskItemStatus status)
{
  return status == DESK_ITEM_STATUS_DONE || status == DESK_ITEM_STATUS_NOT_APPLICABLE;
}

/**
 * desk_item_is_overdue:
 * @due_at: when the item is due, or 0 when it has no due date
 *
 * Returns: whether the item's due time has passed while it is still to be finished
 */
gboolean
desk_item_is_overdue (gint64         due_at,
                      DeskItemStatus status,
                      gint64         now)
{
  return due_at != 0 && due_at < now && !desk_item_status_is_complete (status);
}

/**
 * desk_item_due_text:
 * @due_at: when the item is due, or 0
 * @done_at: when it was done, or 0
 *
 * Returns: (transfer full) (nullable): "Due 19 Apr", "Due tomorrow", "Overdue by 3 days",
 *   "Done 20 Apr", or %NULL when there is nothing to say
 */
char *
desk_item_due_text (gint64         due_at,
                    DeskItemStatus status,
                    gint64         done_at,
                    gint64         now)
{
  g_autofree char *day = NULL;
  int days;

  if (status == DESK_ITEM_STATUS_DONE)
    {
      if (done_at == 0)
        return NULL;
      day = short_day (done_at, now);
      /* Translators: when a checklist item was done, e.g. "Done 20 Apr" */
      return g_strdup_printf (_("Done %s"), day);
    }

  if (due_at == 0 || status == DESK_ITEM_STATUS_NOT_APPLICABLE)
    return NULL;

  if (desk_item_is_overdue (due_at, status, now))
    {
      days = days_between (due_at, now);
      if (days <= 0)
        return g_strdup (_("Overdue since today"));
      return g_strdup_printf (ngettext ("Overdue by %d day", "Overdue by %d days", days), days);
    }

  days = days_between (now, due_at);
  if (days == 0)
    return g_strdup (_("Due today"));
  if (days == 1)
    return g_strdup (_("Due tomorrow"));

  day = short_day (due_at, now);
  /* Translators: when a checklist item is due, e.g. "Due 19 Apr" */
  return g_strdup_printf (_("Due %s"), day);
}

/**
 * desk_checklist_progress_text:
 * @n_complete: items done or not applicable
 *
 * Returns: (transfer full): e.g. "9 of 14 done", or "No items yet"
 */
char *
desk_checklist_progress_text (guint n_complete,
                              guint n_items)
{
  if (n_items == 0)
    return g_strdup (_("No items yet"));

  /* Translators: a checklist's progress, e.g. "9 of 14 done"; items not applicable count as done */
  return g_strdup_printf (ngettext ("%u of %u done", "%u of %u done", n_items),
                          n_complete, n_items);
}
