/* desk-time.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times are stored as seconds since the epoch, UTC. People type them as ISO 8601, often without
 * a zone or a time of day; those are read in the zone the caller says (the incident's). */

#define G_LOG_DOMAIN "desk-time"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "desk-time.h"

static GRegex *
short_forms (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2})(:\\d{2}(?:\\.\\d+)?)?)?(.*)$",
                                    G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

/**
 * desk_time_parse:
 * @text: an ISO 8601 date and time ("2026-04-14T09:30:00+09:00", "2026-04-14 09:30") or a date
 *   ("2026-04-14", read as its midnight)
 * @default_tz: (nullable): the zone for text without one; %NULL for the local zone
 * @seconds: (out): the time, in seconds since the epoch
 *
 * Returns: %TRUE on success, or %FALSE with @error set to %G_IO_ERROR_INVALID_ARGUMENT
 */
gboolean
desk_time_parse (const char  *text,
                 GTimeZone   *default_tz,
                 gint64      *seconds,
                 GError     **error)
{
  g_autoptr(GTimeZone) local_tz = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *normalised = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (seconds != NULL, FALSE);

  if (default_tz == NULL)
    default_tz = local_tz = g_time_zone_new_local ();

  /* GLib wants a "T", a time and seconds; people often write none of them. */
  stripped = g_strstrip (g_strdup (text));
  if (g_regex_match (short_forms (), stripped, 0, &match))
    {
      g_autofree char *date = g_match_info_fetch (match, 1);
      g_autofree char *hours_minutes = g_match_info_fetch (match, 2);
      g_autofree char *seconds_part = g_match_info_fetch (match, 3);
      g_autofree char *zone = g_match_info_fetch (match, 4);

      normalised = g_strdup_printf ("%sT%s%s%s", date,
                                    *hours_minutes ? hours_minutes : "00:00",
                                    *seconds_part ? seconds_part : ":00", zone);
    }
  else
    normalised = g_strdup (stripped);

  when = g_date_time_new_from_iso8601 (normalised, default_tz);
  if (when == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date and time; use ISO 8601, e.g. 2026-04-14T09:30+09:00"),
                   text);
      return FALSE;
    }

  *seconds = g_date_time_to_unix (when);
  return TRUE;
}

/**
 * desk_time_in_zone:
 * @seconds: seconds since the epoch
 * @zone: (nullable): a time zone; %NULL for the local one
 *
 * Returns: (transfer full) (nullable): @seconds as a day and time in @zone, or %NULL when it is
 *   out of range
 */
GDateTime *
desk_time_in_zone (gint64     seconds,
                   GTimeZone *zone)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (seconds);

  if (utc == NULL)
    return NULL;
  if (zone == NULL)
    zone = local = g_time_zone_new_local ();

  return g_date_time_to_timezone (utc, zone);
}

/**
 * desk_time_format_iso:
 *
 * Returns: (transfer full) (nullable): @seconds as ISO 8601 in UTC, e.g.
 *   "2026-04-14T00:30:00Z", or %NULL when it is out of range
 */
char *
desk_time_format_iso (gint64 seconds)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (seconds);

  return when ? g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

/**
 * desk_time_format_iso_in_zone:
 * @zone: (nullable): a time zone; %NULL for the local one
 *
 * Returns: (transfer full) (nullable): @seconds as ISO 8601 in @zone, with its offset, e.g.
 *   "2026-04-14T09:30:00+09:00", or %NULL when it is out of range
 */
char *
desk_time_format_iso_in_zone (gint64     seconds,
                              GTimeZone *zone)
{
  g_autoptr(GDateTime) when = desk_time_in_zone (seconds, zone);

  return when ? g_date_time_format (when, "%Y-%m-%dT%H:%M:%S%:z") : NULL;
}

/**
 * desk_time_zone_new:
 * @identifier: (nullable): an IANA time zone name, e.g. "Asia/Tokyo", or an offset such as
 *   "+09:00"; %NULL or empty for the local zone
 *
 * Returns: (transfer full): the zone, or %NULL with @error set to %G_IO_ERROR_INVALID_ARGUMENT
 *   when there is no such zone
 */
GTimeZone *
desk_time_zone_new (const char  *identifier,
                    GError     **error)
{
  GTimeZone *zone = NULL;

  if (identifier == NULL || *identifier == '\0')
    return g_time_zone_new_local ();

  /* GLib would also read a path as a zone file: a zone is a name that means the same on every
   * machine the incident syncs to. */
  if (*identifier != '/')
    zone = g_time_zone_new_identifier (identifier);

  if (zone == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("“%s” is not a time zone; use a name such as Asia/Tokyo or Europe/Berlin"),
                 identifier);

  return zone;
}

/**
 * desk_time_zone_for:
 * @identifier: (nullable): an incident's time zone
 *
 * The zone to show an incident's times in: its own, or the local one when it has none, or one
 * this machine does not know (a peer's newer zone database may).
 *
 * Returns: (transfer full): the zone
 */
GTimeZone *
desk_time_zone_for (const char *identifier)
{
  GTimeZone *zone = desk_time_zone_new (identifier, NULL);

  return zone ? zone : g_time_zone_new_local ();
}
