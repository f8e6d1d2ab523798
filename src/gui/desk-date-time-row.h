/* desk-date-time-row.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DESK_TYPE_DATE_TIME_ROW (desk_date_time_row_get_type())

G_DECLARE_FINAL_TYPE (DeskDateTimeRow, desk_date_time_row, DESK, DATE_TIME_ROW, AdwEntryRow)

GtkWidget  *desk_date_time_row_new            (void);
gint64      desk_date_time_row_get_time       (DeskDateTimeRow *self);
void        desk_date_time_row_set_time       (DeskDateTimeRow *self,
                                               gint64           time);
GTimeZone  *desk_date_time_row_get_time_zone  (DeskDateTimeRow *self);
void        desk_date_time_row_set_time_zone  (DeskDateTimeRow *self,
                                               GTimeZone       *time_zone);
char       *desk_date_time_row_format         (gint64           time,
                                               GTimeZone       *time_zone);

G_END_DECLS
