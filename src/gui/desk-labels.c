/* desk-labels.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The words and numbers people read for the values records store: translated labels for the
 * enums and locale-aware counts and dates. Pure functions, so that list item expressions and
 * the tests can call them without a widget. */

#define G_LOG_DOMAIN "desk-labels"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "desk-labels.h"

/**
 * desk_incident_status_label:
 *
 * Returns: (transfer none): the translated name of @status, e.g. "Investigating"
 */
const char *
desk_incident_status_label (DeskIncidentStatus status)
{
  switch (status)
    {
    case DESK_INCIDENT_STATUS_DETECTED:
      return C_("incident status", "Detected");
    case DESK_INCIDENT_STATUS_INVESTIGATING:
      return C_("incident status", "Investigating");
    case DESK_INCIDENT_STATUS_CONTAINED:
      return C_("incident status", "Contained");
    case DESK_INCIDENT_STATUS_RECOVERED:
      return C_("incident status", "Recovered");
    case DESK_INCIDENT_STATUS_CLOSED:
      return C_("incident status", "Closed");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * desk_severity_label:
 *
 * Returns: (transfer none): the translated name of @severity, e.g. "High"
 */
const char *
desk_severity_label (DeskSeverity severity)
{
  switch (severity)
    {
    case DESK_SEVERITY_LOW:
      return C_("severity", "Low");
    case DESK_SEVERITY_MEDIUM:
      return C_("severity", "Medium");
    case DESK_SEVERITY_HIGH:
      return C_("severity", "High");
    case DESK_SEVERITY_CRITICAL:
      return C_("severity", "Critical");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * desk_format_count:
 *
 * Formats @count with the locale's thousands separator, or with a comma when the locale has
 * none (as the C locale), so that "4072650" always reads "4,072,650" or its local equivalent.
 *
 * Returns: (transfer full): the formatted number
 */
char *
desk_format_count (gint64 count)
{
  const char *separator = localeconv ()->thousands_sep;
  g_autoptr(GString) text = g_string_new (NULL);
  char digits[24];
  gsize n_digits;
  guint64 magnitude;

  if (separator == NULL || *separator == '\0')
    separator = ",";

  /* Negate in unsigned arithmetic: -G_MININT64 does not fit in a gint64. */
  magnitude = count < 0 ? -(guint64) count : (guint64) count;
  n_digits = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);

  if (count < 0)
    g_string_append_c (text, '-');

  for (gsize i = 0; i < n_digits; i++)
    {
      if (i > 0 && (n_digits - i) % 3 == 0)
        g_string_append (text, separator);
      g_string_append_c (text, digits[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * desk_format_date:
 * @seconds: seconds since the epoch; 0 means "not set"
 *
 * Returns: (transfer full) (nullable): the day @seconds falls on in the local time zone, e.g.
 *   "14 Apr 2026", or %NULL when @seconds is 0
 */
char *
desk_format_date (gint64 seconds)
{
  g_autoptr(GDateTime) when = NULL;

  if (seconds == 0)
    return NULL;

  when = g_date_time_new_from_unix_local (seconds);
  if (when == NULL)
    return NULL;

  /* Translators: a day, as in "14 Apr 2026"; see the GLib documentation of
   * g_date_time_format() for the codes. */
  return g_date_time_format (when, _("%-d %b %Y"));
}

/**
 * desk_incident_summary:
 * @detected_at: when the incident was detected, or 0 when that is not recorded
 *
 * Returns: (transfer full): the line under an incident's title in the sidebar, e.g.
 *   "Investigating · High · 14 Apr 2026"
 */
char *
desk_incident_summary (DeskIncidentStatus status,
                       DeskSeverity       severity,
                       gint64             detected_at)
{
  g_autofree char *date = desk_format_date (detected_at);

  if (date == NULL)
    /* Translators: an incident's status and severity, e.g. "Investigating · High" */
    return g_strdup_printf (_("%s · %s"),
                            desk_incident_status_label (status),
                            desk_severity_label (severity));

  /* Translators: an incident's status, severity and detection day,
   * e.g. "Investigating · High · 14 Apr 2026" */
  return g_strdup_printf (_("%s · %s · %s"),
                          desk_incident_status_label (status),
                          desk_severity_label (severity),
                          date);
}
