/* desk-history-line.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-records.h"

G_BEGIN_DECLS

#define DESK_TYPE_HISTORY_LINE (desk_history_line_get_type())

G_DECLARE_FINAL_TYPE (DeskHistoryLine, desk_history_line, DESK, HISTORY_LINE, GObject)

DeskHistoryLine *desk_history_line_new_day    (const char      *day);
DeskHistoryLine *desk_history_line_new        (const char      *text,
                                               const char      *detail,
                                               const char      *tooltip,
                                               DeskEvent       *event);
gboolean         desk_history_line_is_day     (DeskHistoryLine *self);
const char      *desk_history_line_get_text   (DeskHistoryLine *self);
const char      *desk_history_line_get_detail (DeskHistoryLine *self);
const char      *desk_history_line_get_tooltip (DeskHistoryLine *self);
DeskEvent       *desk_history_line_get_event  (DeskHistoryLine *self);

G_END_DECLS
