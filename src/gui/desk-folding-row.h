/* desk-folding-row.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DESK_TYPE_FOLDING_ROW (desk_folding_row_get_type())

G_DECLARE_FINAL_TYPE (DeskFoldingRow, desk_folding_row, DESK, FOLDING_ROW, GtkWidget)

int  desk_folding_row_get_spacing (DeskFoldingRow *self);
void desk_folding_row_set_spacing (DeskFoldingRow *self,
                                   int             spacing);

G_END_DECLS
