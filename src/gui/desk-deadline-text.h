/* desk-deadline-text.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How pressing a deadline is, for its icon, its colour and its words: each tells it alone. */
typedef enum
{
  DESK_URGENCY_NONE,      /* no due time ("promptly") */
  DESK_URGENCY_DONE,      /* filed, not applicable, or sent */
  DESK_URGENCY_LATER,
  DESK_URGENCY_SOON,      /* within the reminder lead time */
  DESK_URGENCY_OVERDUE,
} DeskUrgency;

DeskUrgency  desk_urgency_of           (gint64       due_at,
                                        gboolean     done,
                                        gint64       now,
                                        guint        lead_hours);
const char  *desk_urgency_icon_name    (DeskUrgency  urgency);
const char  *desk_urgency_css_class    (DeskUrgency  urgency);
char        *desk_format_countdown     (gint64       due_at,
                                        gint64       now);
char        *desk_format_zoned_time    (gint64       seconds,
                                        const char  *time_zone);
char        *desk_format_due_time      (gint64       due_at,
                                        const char  *time_zone);

G_END_DECLS
