/* desk-conflict-row.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-conflict.h"

G_BEGIN_DECLS

#define DESK_TYPE_CONFLICT_ROW (desk_conflict_row_get_type())

G_DECLARE_FINAL_TYPE (DeskConflictRow, desk_conflict_row, DESK, CONFLICT_ROW, GtkListBoxRow)

GtkWidget    *desk_conflict_row_new          (DeskConflict    *conflict);
DeskConflict *desk_conflict_row_get_conflict (DeskConflictRow *self);

G_END_DECLS
