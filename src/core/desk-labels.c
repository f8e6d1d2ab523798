/* desk-labels.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The words and numbers people read for the values records store: translated labels for the
 * enums and locale-aware counts and dates. Pure functions without GTK, so that the window's list
 * item expressions, idesk and the tests all say the same. */

#define G_LOG_DOMAIN "desk-labels"

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "desk-labels.h"
#include "desk-time.h"

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
 * desk_exposure_label:
 *
 * Returns: (transfer none): the translated name of @exposure, e.g. "Confirmed"
 */
const char *
desk_exposure_label (DeskExposure exposure)
{
  switch (exposure)
    {
    case DESK_EXPOSURE_POTENTIAL:
      return C_("exposure", "Potential");
    case DESK_EXPOSURE_CONFIRMED:
      return C_("exposure", "Confirmed");
    case DESK_EXPOSURE_CLEARED:
      return C_("exposure", "Cleared");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * desk_channel_label:
 *
 * Returns: (transfer none): the translated name of @channel, e.g. "Account manager"
 */
const char *
desk_channel_label (DeskChannel channel)
{
  switch (channel)
    {
    case DESK_CHANNEL_ACCOUNT_MANAGER:
      return C_("channel", "Account manager");
    case DESK_CHANNEL_EMAIL:
      return C_("channel", "E-mail");
    case DESK_CHANNEL_PORTAL:
      return C_("channel", "Service portal");
    case DESK_CHANNEL_LETTER:
      return C_("channel", "Letter");
    case DESK_CHANNEL_PHONE:
      return C_("channel", "Phone");
    case DESK_CHANNEL_PRESS_RELEASE:
      return C_("channel", "Press release");
    case DESK_CHANNEL_REGULATOR_FILING:
      return C_("channel", "Regulator filing");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * desk_notification_status_label:
 *
 * Returns: (transfer none): the translated name of @status, e.g. "Acknowledged"
 */
const char *
desk_notification_status_label (DeskNotificationStatus status)
{
  switch (status)
    {
    case DESK_NOTIFICATION_STATUS_NOT_STARTED:
      return C_("notification status", "Not started");
    case DESK_NOTIFICATION_STATUS_DRAFTED:
      return C_("notification status", "Drafted");
    case DESK_NOTIFICATION_STATUS_APPROVED:
      return C_("notification status", "Approved");
    case DESK_NOTIFICATION_STATUS_SENT:
      return C_("notification status", "Sent");
    case DESK_NOTIFICATION_STATUS_DELIVERED:
      return C_("notification status", "Delivered");
    case DESK_NOTIFICATION_STATUS_BOUNCED:
      return C_("notification status", "Bounced");
    case DESK_NOTIFICATION_STATUS_ACKNOWLEDGED:
      return C_("notification status", "Acknowledged");
    case DESK_NOTIFICATION_STATUS_NOT_REQUIRED:
      return C_("notification status", "Not required");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * desk_recipient_label:
 *
 * Returns: (transfer none): the translated name of @recipient, e.g. "Regulator"
 */
const char *
desk_recipient_label (DeskRecipient recipient)
{
  switch (recipient)
    {
    case DESK_RECIPIENT_CUSTOMER:
      return C_("recipient", "Customer");
    case DESK_RECIPIENT_REGULATOR:
      return C_("recipient", "Regulator");
    case DESK_RECIPIENT_PUBLIC:
      return C_("recipient", "Public");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * desk_item_status_label:
 *
 * Returns: (transfer none): the translated name of @status, e.g. "In progress"
 */
const char *
desk_item_status_label (DeskItemStatus status)
{
  switch (status)
    {
    case DESK_ITEM_STATUS_TODO:
      return C_("checklist item status", "To do");
    case DESK_ITEM_STATUS_IN_PROGRESS:
      return C_("checklist item status", "In progress");
    case DESK_ITEM_STATUS_BLOCKED:
      return C_("checklist item status", "Blocked");
    case DESK_ITEM_STATUS_DONE:
      return C_("checklist item status", "Done");
    case DESK_ITEM_STATUS_NOT_APPLICABLE:
      return C_("checklist item status", "Not applicable");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * desk_notice_basis_label:
 *
 * Returns: (transfer none): what starts a customer's contractual clock, e.g. "After detection"
 */
const char *
desk_notice_basis_label (DeskNoticeBasis basis)
{
  switch (basis)
    {
    case DESK_NOTICE_BASIS_DETECTION:
      return C_("notice basis", "After detection");
    case DESK_NOTICE_BASIS_CONFIRMATION:
      return C_("notice basis", "After confirmation");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * desk_obligation_status_label:
 *
 * Returns: (transfer none): the translated name of @status, e.g. "Filed"
 */
const char *
desk_obligation_status_label (DeskObligationStatus status)
{
  switch (status)
    {
    case DESK_OBLIGATION_STATUS_OPEN:
      return C_("obligation status", "Open");
    case DESK_OBLIGATION_STATUS_FILED:
      return C_("obligation status", "Filed");
    case DESK_OBLIGATION_STATUS_NOT_APPLICABLE:
      return C_("obligation status", "Not applicable");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * desk_figure_source_label:
 *
 * Returns: (transfer none): where a figure of the history came from, e.g. "Account import"
 */
const char *
desk_figure_source_label (DeskFigureSource source)
{
  switch (source)
    {
    case DESK_FIGURE_SOURCE_ESTIMATE:
      return C_("figure source", "Announced estimate");
    case DESK_FIGURE_SOURCE_IMPORT:
      return C_("figure source", "Account import");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * desk_deadline_state_label:
 *
 * Returns: (transfer none): the translated name of @state, e.g. "Overdue"
 */
const char *
desk_deadline_state_label (DeskDeadlineState state)
{
  switch (state)
    {
    case DESK_DEADLINE_STATE_UPCOMING:
      return C_("deadline state", "Upcoming");
    case DESK_DEADLINE_STATE_OVERDUE:
      return C_("deadline state", "Overdue");
    case DESK_DEADLINE_STATE_DONE:
      return C_("deadline state", "Done");
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
  return desk_format_date_in_zone (seconds, NULL);
}

/**
 * desk_format_date_in_zone:
 * @seconds: seconds since the epoch; 0 means "not set"
 * @zone: (nullable): the time zone whose day it is; %NULL for the local one
 *
 * Returns: (transfer full) (nullable): the day @seconds falls on in @zone, e.g. "14 Apr 2026",
 *   or %NULL when @seconds is 0
 */
char *
desk_format_date_in_zone (gint64     seconds,
                          GTimeZone *zone)
{
  g_autoptr(GDateTime) when = NULL;

  if (seconds == 0 || (when = desk_time_in_zone (seconds, zone)) == NULL)
    return NULL;

  /* Translators: a day, as in "14 Apr 2026"; see the GLib documentation of
   * g_date_time_format() for the codes. */
  return g_date_time_format (when, _("%-d %b %Y"));
}

/**
 * desk_incident_summary:
 * @detected_at: when the incident was detected, or 0 when that is not recorded
 * @zone: (nullable): the time zone of the detection day; %NULL for the local one
 *
 * Returns: (transfer full): the line under an incident's title in the sidebar, e.g.
 *   "Investigating · High · 14 Apr 2026"
 */
char *
desk_incident_summary (DeskIncidentStatus status,
                       DeskSeverity       severity,
                       gint64             detected_at,
                       GTimeZone         *zone)
{
  g_autofree char *date = desk_format_date_in_zone (detected_at, zone);

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
