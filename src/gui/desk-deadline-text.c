/* desk-deadline-text.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How the window tells a deadline: its due time in the incident's zone ("17 Apr 2026, 09:00
 * JST"), a countdown ("in 5 h", "overdue by 2 days"), and how pressing it is, with an icon and a
 * style class to go with the words. Colour is never the only sign: the words and the icon say
 * the same. */

#define G_LOG_DOMAIN "desk-deadline-text"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-time.h"
#include "desk-deadline-text.h"

#define MINUTE G_GINT64_CONSTANT (60)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

/**
 * desk_urgency_of:
 * @due_at: the due time, or 0 for none
 * @done: whether it was filed or sent
 * @lead_hours: how long before its due time a deadline is due soon (the "reminder-lead-hours"
 *   setting)
 */
DeskUrgency
desk_urgency_of (gint64   due_at,
                 gboolean done,
                 gint64   now,
                 guint    lead_hours)
{
  if (done)
    return DESK_URGENCY_DONE;
  if (due_at == 0)
    return DESK_URGENCY_NONE;
  if (now > due_at)
    return DESK_URGENCY_OVERDUE;
  if (now >= due_at - lead_hours * HOUR)
    return DESK_URGENCY_SOON;
  return DESK_URGENCY_LATER;
}

const char *
desk_urgency_icon_name (DeskUrgency urgency)
{
  switch (urgency)
    {
    case DESK_URGENCY_NONE:
      return "content-loading-symbolic";
    case DESK_URGENCY_DONE:
      return "object-select-symbolic";
    case DESK_URGENCY_LATER:
      return "appointment-soon-symbolic";
    case DESK_URGENCY_SOON:
      return "alarm-symbolic";
    case DESK_URGENCY_OVERDUE:
      return "appointment-missed-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Returns: (nullable): the style class of style.css for @urgency */
const char *
desk_urgency_css_class (DeskUrgency urgency)
{
  switch (urgency)
    {
    case DESK_URGENCY_NONE:
    case DESK_URGENCY_LATER:
      return NULL;
    case DESK_URGENCY_DONE:
      return "deadline-done";
    case DESK_URGENCY_SOON:
      return "deadline-soon";
    case DESK_URGENCY_OVERDUE:
      return "deadline-overdue";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * desk_format_countdown:
 * @due_at: the due time
 * @now: the time it is
 *
 * How long until @due_at, or how long past it: in minutes within the hour, in hours within two
 * days, in days beyond; rounded down, so that "in 5 h" never means less than five hours.
 *
 * Returns: (transfer full): e.g. "in 5 h", "in 3 days", "overdue by 40 min", "overdue by 2 days"
 */
char *
desk_format_countdown (gint64 due_at,
                       gint64 now)
{
  gint64 left = due_at - now;
  gint64 span = ABS (left);
  gulong n;

  if (span < HOUR)
    {
      n = MAX (span / MINUTE, 1);
      return left >= 0
             /* Translators: a countdown to a deadline, in minutes; keep it short */
             ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %lu min", "in %lu min", n), n)
             /* Translators: how long a deadline has passed, in minutes; keep it short */
             : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "overdue by %lu min",
                                             "overdue by %lu min", n), n);
    }

  if (span < 2 * DAY)
    {
      n = span / HOUR;
      return left >= 0
             /* Translators: a countdown to a deadline, in hours; keep it short */
             ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %lu h", "in %lu h", n), n)
             /* Translators: how long a deadline has passed, in hours; keep it short */
             : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "overdue by %lu h",
                                             "overdue by %lu h", n), n);
    }

  n = span / DAY;
  return left >= 0
         /* Translators: a countdown to a deadline, in days */
         ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %lu day", "in %lu days", n), n)
         /* Translators: how long a deadline has passed, in days */
         : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "overdue by %lu day",
                                         "overdue by %lu days", n), n);
}

/**
 * desk_format_zoned_time:
 * @seconds: a time, in seconds since the epoch
 * @time_zone: (nullable): the incident's time zone; %NULL for the local one
 *
 * Returns: (transfer full): @seconds in the incident's zone, with the zone's abbreviation, e.g.
 *   "17 Apr 2026, 09:00 JST"
 */
char *
desk_format_zoned_time (gint64      seconds,
                        const char *time_zone)
{
  g_autoptr(GTimeZone) zone = desk_time_zone_for (time_zone);
  g_autoptr(GDateTime) local = desk_time_in_zone (seconds, zone);

  /* Translators: a time with its time zone, e.g. "17 Apr 2026, 09:00 JST"; see the GLib
   * documentation of g_date_time_format() for the codes */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M %Z"));
}

/**
 * desk_format_due_time:
 * @due_at: a due time, or 0 for none
 * @time_zone: (nullable): the incident's time zone; %NULL for the local one
 *
 * Returns: (transfer full): the due time in the incident's zone (see desk_format_zoned_time()),
 *   or words for a deadline without one
 */
char *
desk_format_due_time (gint64      due_at,
                      const char *time_zone)
{
  if (due_at == 0)
    /* Translators: the due time of a deadline the law sets no number of days for */
    return g_strdup (_("Promptly, no fixed deadline"));

  return desk_format_zoned_time (due_at, time_zone);
}
