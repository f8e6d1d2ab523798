/* desk-time.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  desk_time_parse       (const char  *text,
                                 GTimeZone   *default_tz,
                                 gint64      *seconds,
                                 GError     **error);
GDateTime *desk_time_in_zone    (gint64       seconds,
                                 GTimeZone   *zone);
char     *desk_time_format_iso  (gint64       seconds);
char     *desk_time_format_iso_in_zone (gint64   seconds,
                                 GTimeZone   *zone);
GTimeZone *desk_time_zone_new   (const char  *identifier,
                                 GError     **error);
GTimeZone *desk_time_zone_for   (const char  *identifier);

G_END_DECLS
